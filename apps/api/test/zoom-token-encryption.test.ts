import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { revealSecret } from '../src/zoom/zoom-secret';
import request from 'supertest';
import { DEMO_SECRETS } from '../src/config/env';
import { reencryptStoredSecrets } from '../src/data/reencrypt-stored-secrets';
import { TokenCipher } from '../src/security/token-cipher';
import { interviewRequest, scheduleOverHttp } from './support/meeting-test-helpers';
import { signIn, signInAs, startTestApi } from './support/start-test-api';
import { connectZoom, rawMemoryStoreText, type TestStack, useTestStack } from './support/start-test-stack';

const KEY_A = DEMO_SECRETS.TOKEN_ENCRYPTION_KEYS.replace('demo:', 'test1:'); // the test env's default key
const KEY_B = `keyB:${randomBytes(32).toString('base64')}`;

function storedEnvelopes(stack: TestStack, userId: string): string[] {
  const doc = (stack.api.store.users as unknown as { documents: Map<string, Record<string, unknown>> }).documents.get(userId)!;
  return [doc.zoomAccessToken, doc.zoomRefreshToken] as string[];
}

describe('tokens at rest', () => {
  test('envelopes are AES-256-GCM with a fresh nonce each time, and fail when moved to another user or field, altered, or under an unknown key', () => {
    const cipher = new TokenCipher([{ id: 'k1', key: randomBytes(32) }]);
    const context = { subjectId: 'user-1', field: 'zoomAccessToken' };
    const first = cipher.encrypt('secret-token-value', context);
    const second = cipher.encrypt('secret-token-value', context);

    expect(first).toMatch(/^v1\.k1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain('secret-token-value');
    expect(cipher.decrypt(first, context)).toBe('secret-token-value');
    expect(() => cipher.decrypt(first, { subjectId: 'user-2', field: 'zoomAccessToken' })).toThrow('failed authentication');
    expect(() => cipher.decrypt(first, { subjectId: 'user-1', field: 'zoomRefreshToken' })).toThrow('failed authentication');
    const parts = first.split('.');
    parts[3] = Buffer.from('x'.repeat(18)).toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'), context)).toThrow('failed authentication');
    expect(() => new TokenCipher([{ id: 'k2', key: randomBytes(32) }]).decrypt(first, context)).toThrow('not in TOKEN_ENCRYPTION_KEYS');
  });

  describe('key rotation', () => {
    const stack = useTestStack({ env: { TOKEN_ENCRYPTION_KEYS: KEY_A } });

    test('values written under key A still read after key B becomes current, the re-encrypt command leaves no token under A (and finds no stored start URL), and the interviewer still starts the meeting once A is removed', async () => {
      const { agent, user } = await signInAs(stack().api, 'interviewer');
      await connectZoom(agent);
      const recruiter = await signInAs(stack().api, 'recruiter');
      const { interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(user.id));
      expect((await agent.get(`/api/interviews/${interview.id}/start`).expect(302)).headers.location).toMatch(/^https?:\/\//);
      expect(storedEnvelopes(stack(), user.id).every((e) => e.startsWith('v1.test1.'))).toBe(true);
      expect((await stack().api.store.interviews.findById(interview.id))?.meeting.startUrlEnvelope).toBeNull();

      // A restarted API with B first and A kept for decryption.
      const rotated = await startTestApi({ store: stack().api.store, env: { ...stack().apiEnv, PORT: '0', TOKEN_ENCRYPTION_KEYS: `${KEY_B},${KEY_A}` } });
      try {
        const read = await rotated.deps.userAccessTokens.forUser(user.id).getAccessToken();
        expect(read.ok).toBe(true);

        const report = await reencryptStoredSecrets({
          connections: rotated.store.zoomConnections,
          interviews: rotated.store.interviews,
          audit: rotated.store.audit,
          cipher: new TokenCipher(rotated.deps.env.TOKEN_ENCRYPTION_KEYS),
        });

        expect(report).toEqual({
          scanned: 1,
          reencrypted: 1,
          alreadyCurrent: 0,
          failed: 0,
          currentKeyId: 'keyB',
          startUrls: { scanned: 0, reencrypted: 0, alreadyCurrent: 0, failed: 0 },
        });
        expect(rawMemoryStoreText(stack().api.store)).not.toMatch(/v1\.test1\./);
        expect(storedEnvelopes(stack(), user.id).every((e) => e.startsWith('v1.keyB.'))).toBe(true);
        const { events } = await rotated.store.audit.list({ offset: 0, limit: 1 });
        expect(events[0]).toMatchObject({ type: 'zoom.keys_rotated', actor: { kind: 'system' }, details: { reencrypted: 1, startUrls: { scanned: 0 } } });
      } finally {
        await rotated.close();
      }

      // Key A can now be dropped entirely.
      const onlyB = await startTestApi({ store: stack().api.store, env: { ...stack().apiEnv, PORT: '0', TOKEN_ENCRYPTION_KEYS: KEY_B } });
      try {
        const result = await onlyB.deps.userAccessTokens.forUser(user.id).getAccessToken();
        expect(result.ok).toBe(true);
        const me = await request(`${stack().zoom.url}/v2`).get('/users/me').set('Authorization', `Bearer ${result.ok ? revealSecret(result.accessToken) : ''}`);
        expect(me.status).toBe(200);
        expect((await onlyB.deps.userAccessTokens.forUser(user.id).getAccessToken({ forceRefresh: true })).ok).toBe(true);
        const interviewerOnB = await signIn(onlyB, user.email);
        const started = await interviewerOnB.agent.get(`/api/interviews/${interview.id}/start`).expect(302);
        expect(started.headers.location).toMatch(new RegExp(`/s/${interview.meeting.zoomMeetingId}\\?zak=`));
      } finally {
        await onlyB.close();
      }
    });

    test('a value under an old key is re-encrypted under the current key when it is next written (a refresh)', async () => {
      const { agent, user } = await signInAs(stack().api, 'interviewer');
      await connectZoom(agent);
      const rotated = await startTestApi({ store: stack().api.store, env: { ...stack().apiEnv, PORT: '0', TOKEN_ENCRYPTION_KEYS: `${KEY_B},${KEY_A}` } });
      try {
        expect((await rotated.deps.userAccessTokens.forUser(user.id).getAccessToken({ forceRefresh: true })).ok).toBe(true);
        expect(storedEnvelopes(stack(), user.id).every((e) => e.startsWith('v1.keyB.'))).toBe(true);
      } finally {
        await rotated.close();
      }
    });

    test('when the key a connection was written under is missing, calls fail refresh_failed and the connection is kept, so restoring the key repairs it', async () => {
      const { agent, user } = await signInAs(stack().api, 'interviewer');
      await connectZoom(agent);
      const onlyB = await startTestApi({ store: stack().api.store, env: { ...stack().apiEnv, PORT: '0', TOKEN_ENCRYPTION_KEYS: KEY_B } });
      try {
        expect(await onlyB.deps.userAccessTokens.forUser(user.id).getAccessToken()).toEqual({ ok: false, reason: 'refresh_failed' });
        expect(await onlyB.deps.userAccessTokens.forUser(user.id).getAccessToken({ forceRefresh: true })).toEqual({ ok: false, reason: 'refresh_failed' });
        expect(onlyB.logs.text()).toMatch(/could not be decrypted/);
      } finally {
        await onlyB.close();
      }
      expect((await agent.get('/api/zoom/status')).body.state).toBe('connected');
      expect((await stack().api.deps.userAccessTokens.forUser(user.id).getAccessToken()).ok).toBe(true);
    });
  });

  test('the reencrypt command runs against the configured store and prints its counts', async () => {
    const apiRoot = path.resolve(__dirname, '..');
    const { stdout } = await promisify(execFile)(path.join(apiRoot, 'node_modules/.bin/tsx'), ['src/cli/reencrypt-tokens.ts'], {
      cwd: apiRoot,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        JWT_SECRET: 'test-jwt-secret-0123456789abcdefghijklmnop',
        OAUTH_STATE_SECRET: 'test-oauth-state-secret-0123456789abcdefghij',
        TOKEN_ENCRYPTION_KEYS: `${KEY_B},${KEY_A}`,
      },
    });
    expect(stdout).toMatch(/Re-encrypted under key "keyB": 0 re-encrypted, 0 already current, 0 failed, 0 scanned\./);
    expect(stdout).toMatch(/Interview start URLs: 0 re-encrypted, 0 already current, 0 failed, 0 scanned\./);
  });
});
