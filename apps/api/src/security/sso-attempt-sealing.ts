import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SsoAttempt } from '../domain/ports/identity-provider';

/**
 * The pending SSO attempt (state, nonce, PKCE verifier) travels in an httpOnly cookie, HMAC-signed under
 * OAUTH_STATE_SECRET with its own label, so only the browser that started the sign-in can finish it and
 * nobody can swap in their own values.
 */
export function sealSsoAttempt(secret: string, attempt: SsoAttempt, expiresAt: Date): string {
  const payload = Buffer.from(JSON.stringify({ ...attempt, exp: Math.floor(expiresAt.getTime() / 1000) })).toString('base64url');
  return `${payload}.${mac(secret, payload)}`;
}

export function openSsoAttempt(secret: string, sealed: string | null | undefined, now: Date): SsoAttempt | null {
  if (typeof sealed !== 'string' || sealed.length > 4096) return null;
  const [payload, sent] = sealed.split('.');
  if (!payload || !sent) return null;
  const expected = Buffer.from(mac(secret, payload));
  const actual = Buffer.from(sent);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  try {
    const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<SsoAttempt> & { exp?: number };
    if (typeof parsed.exp !== 'number' || parsed.exp * 1000 <= now.getTime()) return null;
    if (typeof parsed.state !== 'string' || typeof parsed.nonce !== 'string' || typeof parsed.codeVerifier !== 'string') return null;
    return { state: parsed.state, nonce: parsed.nonce, codeVerifier: parsed.codeVerifier };
  } catch {
    return null;
  }
}

function mac(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(`sso-attempt.v1\n${payload}`).digest('base64url');
}
