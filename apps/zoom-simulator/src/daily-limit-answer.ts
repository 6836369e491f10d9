import type { DailyLimitResponseShape } from './simulator-options';
import type { ZoomRestError } from './zoom-error-bodies';

export interface DailyLimitAnswer {
  status: number;
  headers: Record<string, string>;
  body: ZoomRestError;
}

/**
 * The daily create/update cap, answered in each shape Zoom has shown:
 * - `retry-after-timestamp`: the rate-limits guide's example (`Retry-After: 2020-05-31T00:00:00Z`, `X-RateLimit-Type: Daily-limit`);
 * - `no-retry-after`: what the developer forum saw on the wire (a 429 and no Retry-After);
 * - `code-300`: the meeting endpoints' reference lists the cap under HTTP 300 / code 300;
 * - `retry-after-seconds`: the simulator's original answer, kept for suites written against it.
 */
export function dailyLimitAnswer(
  shape: DailyLimitResponseShape,
  input: { limit: number; resetsAt: number; retryAfterSeconds: number; hostEmail: string },
): DailyLimitAnswer {
  const message = `You have exceeded the daily rate limit (${input.limit}) of Meeting Create/Update API requests permitted for this particular user. You may resume these requests at GMT 00:00:00.`;
  switch (shape) {
    case 'retry-after-timestamp':
      return {
        status: 429,
        headers: {
          'Retry-After': new Date(input.resetsAt).toISOString().replace('.000Z', 'Z'),
          'X-RateLimit-Category': 'Medium',
          'X-RateLimit-Type': 'Daily-limit',
          'X-RateLimit-Limit': String(input.limit),
          'X-RateLimit-Remaining': '0',
        },
        body: { code: 429, message },
      };
    case 'no-retry-after':
      return { status: 429, headers: {}, body: { code: 429, message } };
    case 'code-300':
      return {
        status: 300,
        headers: {},
        body: { code: 300, message: `A maximum of ${input.limit} meetings can be created/updated for a single user in one day.` },
      };
    case 'retry-after-seconds':
      return {
        status: 429,
        headers: { 'Retry-After': String(input.retryAfterSeconds) },
        body: {
          code: 429,
          message: `You have exceeded the daily rate limit of (${input.limit}) for Create/Update meeting API requests for the host ${input.hostEmail}. Try again later.`,
        },
      };
  }
}

export const DAILY_LIMIT_RESPONSE_SHAPES: readonly DailyLimitResponseShape[] = ['retry-after-seconds', 'retry-after-timestamp', 'no-retry-after', 'code-300'];
