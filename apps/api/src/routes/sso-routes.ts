import { Router, type CookieOptions } from 'express';
import { SESSION_COOKIE, SSO_ERRORS, SSO_ERROR_PARAM, authEndpoints, type SsoError } from '@crm/shared/auth';
import type { AppDeps } from '../app-deps';
import { completeSsoSignIn } from '../domain/sso/complete-sso-sign-in';
import { SSO_ATTEMPT_TTL_MS, startSsoSignIn } from '../domain/sso/start-sso-sign-in';
import { isAppError } from '../errors/app-error';
import { requestContext } from '../http/request-context';
import { redirect, route } from '../http/typed-route';
import { openSsoAttempt, sealSsoAttempt } from '../security/sso-attempt-sealing';
import { issueSessionCookie, sessionCookieOptions } from './auth-routes';

/** httpOnly cookie binding a pending SSO sign-in (state, nonce, PKCE verifier) to the browser that started it. */
export const SSO_ATTEMPT_COOKIE = 'crm_sso_attempt';
/** The ID token of an SSO session, kept only as the `id_token_hint` of RP-initiated logout. */
export const SSO_ID_TOKEN_COOKIE = 'crm_sso_id_token';

const isSsoError = (code: string): code is SsoError => (SSO_ERRORS as readonly string[]).includes(code);

export function ssoRoutes(deps: AppDeps): Router {
  const router = Router();
  const secure = deps.env.NODE_ENV === 'production';
  // Lax: the provider's redirect back is a top-level GET navigation, which Lax cookies accompany.
  const attemptCookie: CookieOptions = { httpOnly: true, sameSite: 'lax', secure, path: authEndpoints.ssoCallback.path };
  const idTokenCookie: CookieOptions = { httpOnly: true, sameSite: 'lax', secure, path: authEndpoints.ssoLogout.path };
  const loginPageWith = (code: SsoError) => {
    const target = new URL('/login', deps.env.WEB_APP_URL);
    target.searchParams.set(SSO_ERROR_PARAM, code);
    return target.toString();
  };

  route(router, authEndpoints.authMethods, () => ({ password: deps.env.PASSWORD_LOGIN, sso: deps.sso.provider !== null }));

  // A page navigation: a refusal becomes the login page with the reason, never raw JSON.
  route(router, authEndpoints.ssoStart, async (_input, _req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    try {
      const { authorizeUrl, attempt } = await startSsoSignIn(deps.sso.provider);
      const expiresAt = new Date(deps.clock.now().getTime() + SSO_ATTEMPT_TTL_MS);
      res.cookie(SSO_ATTEMPT_COOKIE, sealSsoAttempt(deps.env.OAUTH_STATE_SECRET, attempt, expiresAt), { ...attemptCookie, maxAge: SSO_ATTEMPT_TTL_MS });
      return redirect(res, authorizeUrl);
    } catch (error) {
      if (isAppError(error) && isSsoError(error.code)) return redirect(res, loginPageWith(error.code));
      throw error;
    }
  });

  route(router, authEndpoints.ssoCallback, async (_input, req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    // Whatever happens, this attempt is over: a replayed callback finds no attempt.
    res.clearCookie(SSO_ATTEMPT_COOKIE, attemptCookie);
    const attempt = openSsoAttempt(deps.env.OAUTH_STATE_SECRET, req.cookies?.[SSO_ATTEMPT_COOKIE] as string | undefined, deps.clock.now());
    // The provider's whole answer (code, state, iss, ...) on the registered redirect URI, as openid-client checks it.
    const callbackUrl = new URL(deps.env.OIDC_REDIRECT_URI ?? authEndpoints.ssoCallback.path, deps.env.WEB_APP_URL);
    callbackUrl.search = new URL(req.originalUrl, 'http://callback.invalid').search;
    try {
      const { user, idToken } = await completeSsoSignIn(deps.sso, { callbackUrl, attempt }, requestContext(req));
      issueSessionCookie(deps, res, user);
      res.cookie(SSO_ID_TOKEN_COOKIE, idToken, { ...idTokenCookie, maxAge: deps.env.SESSION_TTL_MINUTES * 60_000 });
      req.log.info({ userId: user.id }, 'signed in by SSO');
      return redirect(res, new URL('/', deps.env.WEB_APP_URL).toString());
    } catch (error) {
      if (isAppError(error) && isSsoError(error.code)) {
        req.log.warn({ code: error.code, reason: error.cause instanceof Error ? error.cause.message : undefined }, 'SSO sign-in refused');
        return redirect(res, loginPageWith(error.code));
      }
      throw error;
    }
  });

  route(router, authEndpoints.ssoLogout, async (_input, req, res) => {
    const idToken = req.cookies?.[SSO_ID_TOKEN_COOKIE] as string | undefined;
    res.clearCookie(SESSION_COOKIE, sessionCookieOptions(deps));
    res.clearCookie(SSO_ID_TOKEN_COOKIE, idTokenCookie);
    if (!idToken || !deps.sso.provider) return { redirectTo: null };
    try {
      const postLogoutRedirectUri = new URL('/login', deps.env.WEB_APP_URL).toString();
      return { redirectTo: await deps.sso.provider.endSessionUrl({ idTokenHint: idToken, postLogoutRedirectUri }) };
    } catch (error) {
      // The CRM session is over either way; the provider's stays until it expires there.
      req.log.warn({ err: error }, 'no end-session URL from the identity provider');
      return { redirectTo: null };
    }
  });

  return router;
}
