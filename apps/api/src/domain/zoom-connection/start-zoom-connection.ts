import { randomUUID } from 'node:crypto';
import { AppError } from '../../errors/app-error';
import { pkceChallenge, randomToken, sha256Base64url, signOAuthState } from '../../security/oauth-state-signing';
import { TOKEN_FIELDS, type ZoomConnectionDeps } from './zoom-connection-deps';

export const OAUTH_STATE_TTL_MS = 10 * 60 * 1000;

export interface StartedZoomConnection {
  authorizeUrl: string;
  /** Goes into the httpOnly browser-binding cookie; only its hash is stored. */
  browserBinding: string;
  expiresAt: Date;
}

/**
 * Begins "Connect Zoom": a single-use, signed state bound to the user and (through a cookie) to this
 * browser, and a PKCE S256 pair whose verifier stays server-side, encrypted.
 */
export async function startZoomConnection(deps: ZoomConnectionDeps, userId: string): Promise<StartedZoomConnection> {
  if (!deps.oauth) {
    throw new AppError({ code: 'zoom_not_configured', status: 503, message: 'Zoom is not configured on this server (ZOOM_CLIENT_ID / ZOOM_CLIENT_SECRET)' });
  }
  const now = deps.now();
  const id = randomUUID().replaceAll('-', '');
  const expiresAt = new Date(now.getTime() + OAUTH_STATE_TTL_MS);
  const browserBinding = randomToken();
  const codeVerifier = randomToken(48);
  await deps.oauthStates.create({
    id,
    userId,
    browserBindingHash: sha256Base64url(browserBinding),
    codeVerifier: deps.cipher.encrypt(codeVerifier, { subjectId: id, field: TOKEN_FIELDS.verifier }),
    createdAt: now,
    expiresAt,
  });
  const state = signOAuthState(deps.stateSecret, { id, userId, expiresAt });
  return { authorizeUrl: deps.oauth.authorizeUrl({ state, codeChallenge: pkceChallenge(codeVerifier) }), browserBinding, expiresAt };
}
