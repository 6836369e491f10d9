import { randomUUID } from 'node:crypto';
import { AppError } from '../../errors/app-error';
import type { ZoomConnectionDeps } from './zoom-connection-deps';

export const OAUTH_STATE_TTL_MS = 10 * 60 * 1000;

export interface StartedZoomConnection {
  authorizeUrl: string;
  /** Goes into the httpOnly browser-binding cookie; only its hash is stored. */
  browserBinding: string;
  expiresAt: Date;
}

/**
 * Begins "Connect Zoom": a single-use, signed state bound to the user and (through a cookie) to this
 * browser, and a PKCE S256 pair whose verifier stays server-side, sealed.
 */
export async function startZoomConnection(deps: ZoomConnectionDeps, userId: string): Promise<StartedZoomConnection> {
  if (!deps.oauth) {
    throw new AppError({ code: 'zoom_not_configured', status: 503, message: 'Zoom is not configured on this server (ZOOM_CLIENT_ID / ZOOM_CLIENT_SECRET)' });
  }
  const now = deps.clock.now();
  const id = randomUUID().replaceAll('-', '');
  const expiresAt = new Date(now.getTime() + OAUTH_STATE_TTL_MS);
  const browserBinding = deps.stateSigner.newBrowserBinding();
  const codeVerifier = deps.oauth.newCodeVerifier();
  await deps.oauthStates.create({
    id,
    userId,
    browserBindingHash: deps.stateSigner.hashBrowserBinding(browserBinding),
    codeVerifier: deps.secrets.sealCodeVerifier(id, codeVerifier),
    createdAt: now,
    expiresAt,
  });
  const state = deps.stateSigner.sign({ id, userId, expiresAt });
  return { authorizeUrl: deps.oauth.authorizeUrl({ state, codeVerifier }), browserBinding, expiresAt };
}
