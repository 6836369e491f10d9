import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { Notice } from '../../components/notice';
import { LoginForm } from '../../features/auth/components/login-form';
import { SsoSignIn } from '../../features/auth/components/sso-sign-in';
import { useSession } from '../../features/auth/components/session-provider';
import { safeReturnPath } from '../paths';
import { usePageTitle } from '../use-page-title';

export default function LoginPage() {
  usePageTitle('Sign in');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { state } = useSession();
  const returnTo = safeReturnPath(params.get('next'));

  if (state.status === 'signed_in') return <Navigate to={returnTo} replace />;

  return (
    <section className="card card-narrow">
      <h1>Sign in</h1>
      {params.get('reason') === 'expired' && (
        <Notice tone="info">
          <p>Your session expired. Sign in again and you will be taken back to where you were.</p>
        </Notice>
      )}
      <SsoSignIn />
      <LoginForm onSignedIn={() => navigate(returnTo, { replace: true })} />
    </section>
  );
}
