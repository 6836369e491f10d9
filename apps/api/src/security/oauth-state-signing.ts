import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { OAuthStateSigner, OAuthStateVerification } from '../domain/ports/oauth-state-signer';

/**
 * The `state` sent through Zoom: `<id>.<expires epoch seconds>.<HMAC>`. The HMAC also covers the user
 * who started the flow, so a state replayed under another session fails verification outright.
 */
export function signOAuthState(secret: string, input: { id: string; userId: string; expiresAt: Date }): string {
  const expires = Math.floor(input.expiresAt.getTime() / 1000);
  return `${input.id}.${expires}.${mac(secret, input.id, expires, input.userId)}`;
}

export type StateVerification = OAuthStateVerification;

export function verifyOAuthState(secret: string, state: string, userId: string, now: Date): StateVerification {
  const match = /^([A-Za-z0-9_-]{16,64})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(state);
  if (!match) return { ok: false, reason: 'invalid' };
  const [, id, expiresRaw, sent] = match as unknown as [string, string, string, string];
  const expires = Number(expiresRaw);
  const expected = Buffer.from(mac(secret, id, expires, userId));
  const actual = Buffer.from(sent);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return { ok: false, reason: 'invalid' };
  if (expires * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, id, expiresAt: new Date(expires * 1000) };
}

function mac(secret: string, id: string, expires: number, userId: string): string {
  return createHmac('sha256', secret).update(`zoom-oauth-state.v1\n${id}\n${expires}\n${userId}`).digest('base64url');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256Base64url(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

/** HMAC-signed states under OAUTH_STATE_SECRET, as the domain's OAuthStateSigner port. */
export function hmacOAuthStateSigner(secret: string): OAuthStateSigner {
  return {
    sign: (input) => signOAuthState(secret, input),
    verify: (state, userId, now) => verifyOAuthState(secret, state, userId, now),
    newBrowserBinding: () => randomToken(),
    hashBrowserBinding: sha256Base64url,
  };
}
