import { createHash, randomBytes } from 'node:crypto';
import request from 'supertest';
import { DEFAULT_SIMULATED_USERS } from '../../src/index';

/** An in-process app or a running simulator's URL: supertest takes either. */
export type SimulatorTarget = Parameters<typeof request>[0];

export const USER_APP = { clientId: 'sim-user-client-id', clientSecret: 'sim-user-client-secret' };
export const S2S_APP = { accountId: 'sim-account-001', clientId: 'sim-s2s-client-id', clientSecret: 'sim-s2s-client-secret' };
export const REDIRECT_URI = 'http://localhost:5000/api/zoom/callback';

const byEmail = (email: string) => {
  const user = DEFAULT_SIMULATED_USERS.find((u) => u.email === email);
  if (!user) throw new Error(`No default user ${email}`);
  return user;
};
export const ADMIN = byEmail('zoom-admin@example.com');
export const IVY = byEmail('interviewer@example.com');
export const IAN = byEmail('interviewer2@example.com');
export const FELIX = byEmail('freelancer@outside.example');

export function basicAuth(clientId: string, clientSecret: string): string {
  return `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** A mutable clock to inject as `now`. */
export function testClock(start = Date.UTC(2030, 0, 15, 12, 0, 0)) {
  let current = start;
  return {
    now: () => current,
    advance: (ms: number) => {
      current += ms;
    },
  };
}

/** Submits the consent form as the given user and returns the code from the redirect. */
export async function authorize(app: SimulatorTarget, zoomUserId: string, challenge: string, state = 'state-123'): Promise<string> {
  const response = await request(app).post('/oauth/authorize').type('form').send({
    response_type: 'code',
    client_id: USER_APP.clientId,
    redirect_uri: REDIRECT_URI,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    zoom_user_id: zoomUserId,
    decision: 'allow',
  });
  if (response.status !== 302) throw new Error(`authorize answered ${response.status}`);
  const code = new URL(response.headers.location as string).searchParams.get('code');
  if (!code) throw new Error('no code in redirect');
  return code;
}

export function exchangeCode(app: SimulatorTarget, code: string, verifier: string, redirectUri = REDIRECT_URI) {
  return request(app)
    .post('/oauth/token')
    .set('Authorization', basicAuth(USER_APP.clientId, USER_APP.clientSecret))
    .type('form')
    .send({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier });
}

export function refresh(app: SimulatorTarget, refreshToken: string) {
  return request(app)
    .post('/oauth/token')
    .set('Authorization', basicAuth(USER_APP.clientId, USER_APP.clientSecret))
    .type('form')
    .send({ grant_type: 'refresh_token', refresh_token: refreshToken });
}

export interface UserTokens {
  access_token: string;
  refresh_token: string;
  expires_in: number;
}

export async function connectUser(app: SimulatorTarget, zoomUserId: string): Promise<UserTokens> {
  const { verifier, challenge } = pkcePair();
  const code = await authorize(app, zoomUserId, challenge);
  const response = await exchangeCode(app, code, verifier);
  if (response.status !== 200) throw new Error(`token exchange answered ${response.status}`);
  return response.body as UserTokens;
}

export async function serverToServerToken(app: SimulatorTarget): Promise<string> {
  const response = await request(app)
    .post('/oauth/token')
    .set('Authorization', basicAuth(S2S_APP.clientId, S2S_APP.clientSecret))
    .type('form')
    .send({ grant_type: 'account_credentials', account_id: S2S_APP.accountId });
  if (response.status !== 200) throw new Error(`account_credentials answered ${response.status}`);
  return (response.body as { access_token: string }).access_token;
}

export const validMeetingBody = () => ({
  topic: 'Interview: Ada Lovelace — Backend Engineer',
  type: 2,
  start_time: '2030-02-01T15:00:00Z',
  duration: 45,
  timezone: 'America/New_York',
  agenda: 'Technical interview',
  settings: { join_before_host: false, waiting_room: true, auto_recording: 'none', mute_upon_entry: true },
});
