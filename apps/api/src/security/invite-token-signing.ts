import { createHmac, timingSafeEqual } from 'node:crypto';
import type { InviteTokenSigner } from '../domain/ports/invite-token-signer';

function mac(secret: string, body: string): string {
  return createHmac('sha256', secret).update(`account-invite.v1\n${body}`).digest('base64url');
}

/** `<userId>.<sessionVersion>.<expires epoch s>.<HMAC>` under OAUTH_STATE_SECRET, with its own label. */
export function hmacInviteTokenSigner(secret: string): InviteTokenSigner {
  return {
    sign: ({ userId, sessionVersion, expiresAt }) => {
      const body = `${Buffer.from(userId).toString('base64url')}.${sessionVersion}.${Math.floor(expiresAt.getTime() / 1000)}`;
      return `${body}.${mac(secret, body)}`;
    },
    verify: (token, now) => {
      const match = /^([A-Za-z0-9_-]{1,200})\.(\d{1,12})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
      if (!match) return null;
      const [, user, version, expires, sent] = match as unknown as [string, string, string, string, string];
      const expected = Buffer.from(mac(secret, `${user}.${version}.${expires}`));
      const actual = Buffer.from(sent);
      if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
      if (Number(expires) * 1000 <= now.getTime()) return null;
      return { userId: Buffer.from(user, 'base64url').toString('utf8'), sessionVersion: Number(version) };
    },
  };
}
