import jwt from 'jsonwebtoken';
import { createSessionVerifier, issueSessionToken } from '../src/security/session-tokens';

const options = { secret: 'test-jwt-secret-0123456789abcdefghijklmnop', issuer: 'interview-crm', audience: 'interview-crm-web', ttlMinutes: 1 };

describe('remembered session verification', () => {
  test('a token verified once is still refused after it expires', () => {
    const verify = createSessionVerifier(options);
    const { token, claims } = issueSessionToken(options, { id: 'user-1', role: 'recruiter', sessionVersion: 0 });

    expect(verify(token)).toMatchObject({ ok: true, claims: { userId: 'user-1', role: 'recruiter' } });
    expect(verify(token, new Date(claims.expiresAt.getTime() + 1000))).toEqual({ ok: false, reason: 'expired' });
  });

  test('a forged token is refused every time and never remembered, so later checks still verify it', () => {
    const verify = createSessionVerifier(options, 2);
    const forged = jwt.sign({ role: 'admin', csrf: 'x' }, 'another-secret-0123456789abcdefghijkl', {
      algorithm: 'HS256', subject: 'user-1', issuer: options.issuer, audience: options.audience, expiresIn: 60,
    });
    for (let i = 0; i < 3; i += 1) expect(verify(forged)).toEqual({ ok: false, reason: 'invalid' });
  });

  test('changing the remembered claims object does not change what the next request sees', () => {
    const verify = createSessionVerifier(options);
    const { token } = issueSessionToken(options, { id: 'user-2', role: 'interviewer', sessionVersion: 0 });
    const first = verify(token);
    if (first.ok) (first.claims as { role: string }).role = 'admin';
    expect(verify(token)).toMatchObject({ ok: true, claims: { role: 'interviewer' } });
  });

  test('past its size bound the oldest token is forgotten and simply verified again', () => {
    const verify = createSessionVerifier(options, 1);
    const a = issueSessionToken(options, { id: 'a', role: 'admin', sessionVersion: 0 });
    const b = issueSessionToken(options, { id: 'b', role: 'admin', sessionVersion: 0 });
    expect(verify(a.token).ok).toBe(true);
    expect(verify(b.token).ok).toBe(true);
    expect(verify(a.token)).toMatchObject({ ok: true, claims: { userId: 'a' } });
  });
});
