import { Router, type CookieOptions, type ErrorRequestHandler, type Response } from 'express';
import { ZOOM_CALLBACK_RESULT_PARAM, type ZoomCallbackResult, type ZoomStatusResponse } from '@crm/shared/zoom-connection';
import { isAppError } from '../errors/app-error';
import type { AppDeps } from '../app-deps';
import { connectZoomAccount } from '../domain/zoom-connection/connect-zoom-account';
import { disconnectZoomAccount } from '../domain/zoom-connection/disconnect-zoom-account';
import { getZoomStatus } from '../domain/zoom-connection/get-zoom-status';
import { OAUTH_STATE_TTL_MS, startZoomConnection } from '../domain/zoom-connection/start-zoom-connection';
import { requestContext, requireSession } from '../http/request-context';
import { requireSignedIn } from '../http/middleware/require-role';

/** httpOnly cookie binding a pending "Connect Zoom" to the browser that started it. */
export const ZOOM_OAUTH_COOKIE = 'crm_zoom_oauth';
const CALLBACK_PATH = '/api/zoom/callback';

function single(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 && value.length <= 2048 ? value : null;
}

export function zoomConnectionRoutes(deps: AppDeps): Router {
  const router = Router();
  const zoom = deps.zoomConnection.deps;
  // Lax: Zoom's redirect back is a top-level GET navigation, which Lax cookies accompany.
  const bindingCookie: CookieOptions = { httpOnly: true, sameSite: 'lax', secure: deps.env.NODE_ENV === 'production', path: CALLBACK_PATH };

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

  router.get('/api/zoom/connect', requireSignedIn, async (req, res) => {
    const session = requireSession(req);
    const started = await startZoomConnection(zoom, session.userId);
    res.cookie(ZOOM_OAUTH_COOKIE, started.browserBinding, { ...bindingCookie, maxAge: OAUTH_STATE_TTL_MS });
    res.setHeader('Cache-Control', 'no-store');
    if ((req.get('accept') ?? '').includes('application/json')) {
      res.json({ authorizeUrl: started.authorizeUrl });
      return;
    }
    res.redirect(302, started.authorizeUrl);
  });
  router.use('/api/zoom/connect', connectFailureAsPage);

  router.get(CALLBACK_PATH, async (req, res) => {
    const result = await connectZoomAccount(
      zoom,
      {
        userId: req.session?.userId ?? null,
        browserBinding: single(req.cookies?.[ZOOM_OAUTH_COOKIE]),
        state: single(req.query.state),
        code: single(req.query.code),
        error: single(req.query.error),
      },
      requestContext(req),
    );
    // Whatever happened, this attempt is over.
    res.clearCookie(ZOOM_OAUTH_COOKIE, bindingCookie);
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(302, settingsWithResult(result));
  });

  router.get('/api/zoom/status', requireSignedIn, async (req, res: Response<ZoomStatusResponse>) => {
    res.json(await getZoomStatus(deps.store.users, requireSession(req).userId));
  });

  router.post('/api/zoom/disconnect', requireSignedIn, async (req, res: Response<ZoomStatusResponse>) => {
    res.json(await disconnectZoomAccount(zoom, requireSession(req).userId, requestContext(req)));
  });

  return router;
}
