import type { ZoomCallbackResult } from '@crm/shared/zoom-connection';
import { AppError } from '../../errors/app-error';
import { recordAuditEvent } from '../audit/record-audit-event';
import { callWithToken } from '../meetings/meeting-host';
import type { RequestContext } from '../ports/request-context';
import type { UserRecord } from '../ports/user-repository';
import type { ZoomTokenSet, ZoomUser } from '../ports/zoom-gateway';
import { isZoomFailure } from '../ports/zoom-failure';
import type { ZoomConnectionDeps } from './zoom-connection-deps';

export interface ZoomCallbackInput {
  /** The signed-in user opening the callback; null when the session cookie is missing. */
  userId: string | null;
  /** The browser-binding cookie value, when the browser sent it. */
  browserBinding: string | null;
  state: string | null;
  code: string | null;
  error: string | null;
}

/**
 * Finishes "Connect Zoom" from Zoom's redirect. Every refusal returns before anything about the user's
 * connection is written, so a failed callback leaves the stored connection exactly as it was.
 */
export async function connectZoomAccount(deps: ZoomConnectionDeps, input: ZoomCallbackInput, context: RequestContext): Promise<ZoomCallbackResult> {
  const { oauth, logger } = deps;
  if (!oauth) {
    throw new AppError({ code: 'zoom_not_configured', status: 503, message: 'Zoom is not configured on this server (ZOOM_CLIENT_ID / ZOOM_CLIENT_SECRET)' });
  }
  const refuse = (result: ZoomCallbackResult, why: string): ZoomCallbackResult => {
    logger.warn({ userId: input.userId, result, why }, 'Zoom callback refused');
    return result;
  };

  if (!input.userId || !input.state) return refuse('state_invalid', input.userId ? 'no state' : 'no session');
  const now = deps.clock.now();
  const verified = deps.stateSigner.verify(input.state, input.userId, now);
  if (!verified.ok) return refuse(verified.reason === 'expired' ? 'state_expired' : 'state_invalid', `state ${verified.reason}`);
  if (!input.browserBinding) return refuse('state_invalid', 'no browser-binding cookie');
  const pending = await deps.oauthStates.consumeOnce(verified.id, { userId: input.userId, browserBindingHash: deps.stateSigner.hashBrowserBinding(input.browserBinding) }, now);
  if (!pending) return refuse('state_invalid', 'state unknown, used, or bound to another browser');

  if (input.error) return refuse(input.error === 'access_denied' ? 'access_denied' : 'exchange_failed', `Zoom said ${input.error.slice(0, 40)}`);
  if (!input.code) return refuse('exchange_failed', 'no code');

  const verifier = deps.secrets.openCodeVerifier(pending.id, pending.codeVerifier);
  if (!verifier) return refuse('exchange_failed', 'verifier unreadable');
  let tokens: ZoomTokenSet;
  try {
    tokens = await oauth.exchangeCode(input.code, verifier);
  } catch (error) {
    return refuse('exchange_failed', isZoomFailure(error) ? `${error.kind} (${error.status ?? 'no answer'})` : 'exchange failed');
  }

  let zoomUser;
  try {
    zoomUser = await deps.zoom.getCurrentUser(tokens.accessToken);
  } catch (error) {
    await oauth.revoke(tokens.accessToken).catch(() => undefined);
    return refuse('exchange_failed', isZoomFailure(error) ? `users/me ${error.kind}` : 'users/me failed');
  }

  // Not revoked on refusal: at Zoom a revoke ends the app's authorization for that Zoom user.
  if (deps.fallbackHostZoomUsers.some((host) => isFallbackHost(host, zoomUser))) return refuse('zoom_account_is_fallback_host', 'an organisation fallback host (ZOOM_USER_ID or ZOOM_FALLBACK_HOSTS)');

  const connectedAt = deps.clock.now();
  const userId = input.userId;
  // Read before the save: whether this connects or reconnects (and after which problem) is the audit's cause.
  const before = await deps.users.findById(userId);
  const sealed = deps.secrets.sealZoomTokens(userId, { ...tokens, expiresAt: new Date(connectedAt.getTime() + tokens.expiresInSeconds * 1000) });
  // The connection and its audit event are stored together or not at all.
  const saved = await deps.atomically(async () => {
    const result = await deps.connections.saveConnection(userId, {
      zoomUserId: zoomUser.id,
      zoomEmail: zoomUser.email,
      zoomAccountId: zoomUser.accountId,
      scopes: tokens.scopes,
      connectedAt,
      tokens: sealed,
    });
    if (!result.ok) return result;
    await recordAuditEvent(deps.audit, {
      type: 'zoom.connected',
      actor: { userId, email: before?.email ?? null, kind: 'user' },
      subject: { userId, email: before?.email ?? null },
      context,
      details: { ...connectCause(before), zoomUserId: zoomUser.id, zoomEmail: zoomUser.email, zoomAccountId: zoomUser.accountId, scopes: tokens.scopes },
    });
    return result;
  });
  // Not revoked on refusal: at Zoom a revoke ends the app's authorization for that Zoom user, which the other CRM user relies on.
  if (!saved.ok) {
    if (saved.reason !== 'zoom_account_in_use') return refuse('state_invalid', saved.reason);
    await checkEarlierHolder(deps, zoomUser.id);
    return refuse('zoom_account_in_use', saved.reason);
  }
  logger.info({ userId, zoomUserId: zoomUser.id }, 'Zoom account connected');
  return 'connected';
}

/** A first connection, or a reconnect: after Zoom stopped accepting the old one, or replacing a working one. */
function connectCause(before: UserRecord | null): Record<string, unknown> {
  const state = before?.zoomConnectionState ?? 'not_connected';
  if (state === 'needs_reconnect') return { cause: 'reconnected', previousState: state, previousProblem: before?.zoomLastProblem ?? null };
  if (state === 'connected') return { cause: 'reconnected', previousState: state, previousZoomEmail: before?.zoomEmail ?? null };
  return { cause: 'connected', previousState: state, previousProblem: before?.zoomLastProblem ?? null };
}

/** A fallback host may be configured by its email (as admins are told to) or its Zoom user id. */
function isFallbackHost(fallback: string, zoomUser: ZoomUser): boolean {
  const configured = fallback.trim().toLowerCase();
  return configured === zoomUser.id.toLowerCase() || configured === zoomUser.email.toLowerCase();
}

/**
 * Another CRM user holds this Zoom user. At Zoom, authorizing the app again has just revoked that
 * user's tokens, so their connection is checked with Zoom now rather than left looking connected
 * until a refresh fails: a token Zoom refuses even after a refresh marks it needs_reconnect (and the
 * worker then moves their upcoming meetings). The second CRM user stays refused (README troubleshooting).
 */
async function checkEarlierHolder(deps: ZoomConnectionDeps, zoomUserId: string): Promise<void> {
  const holderId = await deps.connections.findUserIdByZoomUserId(zoomUserId);
  if (!holderId) return;
  try {
    const outcome = await callWithToken(deps.userAccessTokens.forUser(holderId), (token) => deps.zoom.getCurrentUser(token.accessToken));
    deps.logger.info({ holderId, zoomUserId, stillConnected: outcome.ok }, 'checked the CRM user already holding a Zoom user another CRM user authorized');
  } catch (error) {
    deps.logger.warn({ holderId, zoomUserId, err: error }, 'could not check the connection of the CRM user holding this Zoom user');
  }
}
