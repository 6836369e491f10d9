import { createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { Role } from '@crm/shared/auth';

export interface SessionClaims {
  userId: string;
  role: Role;
  csrf: string;
  expiresAt: Date;
  /** The user's session version when the token was issued; a bump ends the session. */
  sessionVersion: number;
}

export interface SessionTokenOptions {
  secret: string;
  issuer: string;
  audience: string;
  ttlMinutes: number;
}

export type SessionVerification = { ok: true; claims: SessionClaims } | { ok: false; reason: 'expired' | 'invalid' };

/** Why a session cookie that was sent is not accepted: the token's own checks, or the user ended it. */
export type SessionProblem = 'expired' | 'invalid' | 'ended';

const ALGORITHM = 'HS256';

// jsonwebtoken first tries a string secret as a PEM public key (and catches the failure) on every
// verify, which was over half the CPU of a signed-in request; a KeyObject skips that attempt.
const secretKeys = new Map<string, KeyObject>();
function secretKey(secret: string): KeyObject {
  let key = secretKeys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    secretKeys.set(secret, key);
  }
  return key;
}

export function issueSessionToken(
  options: SessionTokenOptions,
  user: { id: string; role: Role; sessionVersion: number },
): { token: string; claims: SessionClaims } {
  const csrf = randomBytes(24).toString('base64url');
  const token = jwt.sign({ role: user.role, csrf, sv: user.sessionVersion }, secretKey(options.secret), {
    algorithm: ALGORITHM,
    subject: user.id,
    issuer: options.issuer,
    audience: options.audience,
    expiresIn: options.ttlMinutes * 60,
  });
  const expiresAt = new Date(Date.now() + options.ttlMinutes * 60_000);
  return { token, claims: { userId: user.id, role: user.role, csrf, expiresAt, sessionVersion: user.sessionVersion } };
}

export function verifySessionToken(options: SessionTokenOptions, token: string): SessionVerification {
  try {
    // Pinning the algorithm list is what rejects `alg: none` and algorithm-confusion tokens.
    const payload = jwt.verify(token, secretKey(options.secret), {
      algorithms: [ALGORITHM],
      issuer: options.issuer,
      audience: options.audience,
    });
    if (typeof payload === 'string') return { ok: false, reason: 'invalid' };
    const { sub, csrf, exp, role, sv } = payload as { sub?: unknown; csrf?: unknown; exp?: unknown; role?: unknown; sv?: unknown };
    if (typeof sub !== 'string' || typeof csrf !== 'string' || typeof exp !== 'number') return { ok: false, reason: 'invalid' };
    if (role !== 'interviewer' && role !== 'recruiter' && role !== 'admin') return { ok: false, reason: 'invalid' };
    // Tokens issued before session versions existed carry none: version 0, which the first bump ends.
    if (sv !== undefined && (typeof sv !== 'number' || !Number.isSafeInteger(sv) || sv < 0)) return { ok: false, reason: 'invalid' };
    return { ok: true, claims: { userId: sub, role, csrf, expiresAt: new Date(exp * 1000), sessionVersion: sv ?? 0 } };
  } catch (error) {
    return { ok: false, reason: error instanceof jwt.TokenExpiredError ? 'expired' : 'invalid' };
  }
}

/**
 * verifySessionToken with a bounded memo of tokens already verified: a signed-in page polls the API,
 * and re-checking the same HMAC and claims on every request was a fifth of its CPU. Only successful
 * verifications are kept (a flood of forged tokens cannot fill it) and expiry is still checked on each use.
 */
export function createSessionVerifier(options: SessionTokenOptions, maxEntries = 10_000): (token: string, now?: Date) => SessionVerification {
  const verified = new Map<string, SessionClaims>();
  return (token, now = new Date()) => {
    const cached = verified.get(token);
    if (cached) {
      if (cached.expiresAt.getTime() > now.getTime()) return { ok: true, claims: { ...cached } };
      verified.delete(token);
      return { ok: false, reason: 'expired' };
    }
    const result = verifySessionToken(options, token);
    if (result.ok) {
      // Map keeps insertion order: dropping the first entry drops the oldest.
      if (verified.size >= maxEntries) verified.delete(verified.keys().next().value!);
      verified.set(token, { ...result.claims });
    }
    return result;
  };
}
