import { randomBytes } from 'node:crypto';

/** Zoom's `app_deauthorized` event body. */
export function appDeauthorizedEvent(input: { accountId: string; userId: string; clientId: string; nowMs: number }) {
  return {
    event: 'app_deauthorized',
    event_ts: input.nowMs,
    payload: {
      account_id: input.accountId,
      user_id: input.userId,
      signature: randomBytes(32).toString('hex'),
      deauthorization_time: new Date(input.nowMs).toISOString(),
      client_id: input.clientId,
    },
  };
}
