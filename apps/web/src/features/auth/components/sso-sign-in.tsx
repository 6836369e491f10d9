import { useSearchParams } from 'react-router-dom';
import { SSO_ERROR_PARAM, authEndpoints, ssoErrorSchema, type SsoError } from '@crm/shared/auth';
import { Notice } from '../../../components/notice';
import { useAuthMethods } from '../api/get-auth-methods';
import { rememberSession } from '../api/session-hint';

const SSO_ERROR_MESSAGES: Record<SsoError, { title: string; text: string }> = {
  sso_not_mapped: {
    title: 'Your organisation has not given you access to the Interview CRM',
    text: 'You signed in at your identity provider, but your account there is in no group the CRM accepts. Ask an administrator to add you to the right group, then try again.',
  },
  account_deactivated: { title: 'This account has been deactivated', text: 'Ask an administrator to reactivate it.' },
  sso_email_unverified: { title: 'Your email address is not verified', text: 'Your identity provider has not confirmed your email address, so the CRM cannot match it to an account. Ask your IT team.' },
  sso_cancelled: { title: 'Sign-in was cancelled', text: 'The identity provider did not sign you in. Try again when you are ready.' },
  sso_failed: { title: 'Sign-in could not be verified', text: 'The answer from the identity provider did not check out (an expired or reused link, or a different browser). Start again from this page.' },
  sso_unavailable: { title: 'The identity provider cannot be reached', text: 'Try again in a few minutes.' },
  sso_not_configured: { title: 'Single sign-on is not set up', text: 'Sign in with your email and password, or ask an administrator.' },
};

/** "Sign in with SSO" (a full-page navigation through the identity provider) and why the last attempt was refused. */
export function SsoSignIn() {
  const [params] = useSearchParams();
  const methods = useAuthMethods();
  const refused = ssoErrorSchema.safeParse(params.get(SSO_ERROR_PARAM));
  const message = refused.success ? SSO_ERROR_MESSAGES[refused.data] : null;
  return (
    <>
      {message && (
        <Notice tone="error" title={message.title}>
          <p>{message.text}</p>
        </Notice>
      )}
      {methods.data?.sso && (
        <div className="sso-sign-in">
          {/* The provider sends the browser back signed in: the app must ask the API for the session then. */}
          <a className="button button-primary" href={authEndpoints.ssoStart.path} onClick={() => rememberSession(true)}>
            Sign in with SSO
          </a>
          {methods.data.password && <p className="muted">or with your email and password:</p>}
        </div>
      )}
    </>
  );
}
