import { backoffDelayMs, retryWithBackoff } from '../src/retry/backoff';

const policy = { baseDelayMs: 100, maxDelayMs: 1_000 };

describe('the one backoff every retry uses', () => {
  test('waits grow exponentially with equal jitter, are capped, and are never shorter than Retry-After', () => {
    expect([1, 2, 3, 4, 5, 6].map((attempt) => backoffDelayMs(policy, attempt, { random: () => 0 }))).toEqual([50, 100, 200, 400, 500, 500]);
    expect([1, 2, 3].map((attempt) => backoffDelayMs(policy, attempt, { random: () => 1 }))).toEqual([100, 200, 400]);
    expect(backoffDelayMs(policy, 1, { retryAfterMs: 2_000, random: () => 0 })).toBe(2_000);
  });

  test('a retryable failure is tried again after the injected sleep until it succeeds; a final failure after maxAttempts is thrown as is', async () => {
    const waits: number[] = [];
    const options = { ...policy, maxAttempts: 3, random: () => 0.5, sleep: async (ms: number) => void waits.push(ms), retryable: () => ({ retryAfterMs: null }) };
    let calls = 0;

    await expect(retryWithBackoff(async () => (++calls < 3 ? Promise.reject(new Error('busy')) : 'done'), options)).resolves.toBe('done');
    expect(waits).toEqual([75, 150]);

    const failure = new Error('still busy');
    await expect(retryWithBackoff(async () => Promise.reject(failure), options)).rejects.toBe(failure);
  });

  test('a failure that is not retryable stops at once, without sleeping', async () => {
    const sleep = jest.fn(async () => undefined);
    let calls = 0;

    await expect(retryWithBackoff(async () => Promise.reject(new Error(`no ${++calls}`)), { ...policy, maxAttempts: 5, sleep, retryable: () => false })).rejects.toThrow('no 1');
    expect(calls).toBe(1);
    expect(sleep).not.toHaveBeenCalled();
  });
});
