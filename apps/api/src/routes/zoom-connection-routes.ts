import { Router, type CookieOptions, type ErrorRequestHandler } from 'express';
import { ZOOM_CALLBACK_RESULT_PARAM, zoomEndpoints, type ZoomCallbackResult } from '@crm/shared/zoom-connection';
import { isAppError } from '../errors/app-error';
import type { AppDeps } from '../app-deps';
import { connectZoomAccount } from '../domain/zoom-connection/connect-zoom-account';
import { disconnectZoomAccount } from '../domain/zoom-connection/disconnect-zoom-account';
import { getZoomStatus } from '../domain/zoom-connection/get-zoom-status';
import { listHostedInterviews } from '../domain/zoom-connection/list-hosted-interviews';
import { OAUTH_STATE_TTL_MS, startZoomConnection } from '../domain/zoom-connection/start-zoom-connection';
import { requestContext, requireSession } from '../http/request-context';
import { requireSignedIn } from '../http/middleware/require-role';
import { redirect, route } from '../http/typed-route';

/** httpOnly cookie binding a pending "Connect Zoom" to the browser that started it. */
export const ZOOM_OAUTH_COOKIE = 'crm_zoom_oauth';

function single(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 && value.length <= 2048 ? value : null;
}

export function zoomConnectionRoutes(deps: AppDeps): Router {
  const router = Router();
  const zoom = deps.zoomConnection.deps;
  // Lax: Zoom's redirect back is a top-level GET navigation, which Lax cookies accompany.
  const bindingCookie: CookieOptions = { httpOnly: true, sameSite: 'lax', secure: deps.env.NODE_ENV === 'production', path: zoomEndpoints.callback.path };

  // Connect is usually a page navigation: failures become pages (sign-in, or Account Settings with a
  // reason), not raw JSON. API callers that ask for JSON still get the error envelope.
  const settingsWithResult = (result: ZoomCallbackResult) => {
    const target = new URL('/settings/account', deps.env.WEB_APP_URL);
    target.searchParams.set(ZOOM_CALLBACK_RESULT_PARAM, result);
    return target.toString();
  };
  const connectFailureAsPage: ErrorRequestHandler = (error, req, res, next) => {
    if (req.accepts(['json', 'html']) !== 'html' || !isAppError(error)) return next(error);
    if (error.code === 'unauthenticated' || error.code === 'session_expired') {
      const login = new URL('/login', deps.env.WEB_APP_URL);
      login.searchParams.set('next', '/settings/account');
      if (error.code === 'session_expired') login.searchParams.set('reason', 'expired');
      return res.redirect(302, login.toString());
    }
    if (error.code === 'zoom_not_configured') return res.redirect(302, settingsWithResult('zoom_not_configured'));
    next(error);
  };

  route(router, zoomEndpoints.connect, [requireSignedIn], async (_input, req, res) => {
    const started = await startZoomConnection(zoom, requireSession(req).userId);
    res.cookie(ZOOM_OAUTH_COOKIE, started.browserBinding, { ...bindingCookie, maxAge: OAUTH_STATE_TTL_MS });
    res.setHeader('Cache-Control', 'no-store');
    if ((req.get('accept') ?? '').includes('application/json')) return { authorizeUrl: started.authorizeUrl };
    return redirect(res, started.authorizeUrl);
  });
  router.use(zoomEndpoints.connect.path, connectFailureAsPage);

  route(router, zoomEndpoints.callback, async ({ query }, req, res) => {
    const result = await connectZoomAccount(
      zoom,
      { userId: req.session?.userId ?? null, browserBinding: single(req.cookies?.[ZOOM_OAUTH_COOKIE]), ...query },
      requestContext(req),
    );
    // Whatever happened, this attempt is over.
    res.clearCookie(ZOOM_OAUTH_COOKIE, bindingCookie);
    res.setHeader('Cache-Control', 'no-store');
    return redirect(res, settingsWithResult(result));
  });

  route(router, zoomEndpoints.status, [requireSignedIn], (_input, req) => getZoomStatus(deps.store.users, requireSession(req).userId));

  route(router, zoomEndpoints.hostedInterviews, [requireSignedIn], (_input, req) => listHostedInterviews(zoom.interviews, requireSession(req).userId));

  route(router, zoomEndpoints.disconnect, [requireSignedIn], (_input, req) => disconnectZoomAccount(zoom, requireSession(req).userId, requestContext(req)));

  return router;
}
