import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import type { Role } from '@crm/shared/auth';
import { ErrorState } from '../components/error-state';
import { LoadingState } from '../components/loading-state';
import { useSession } from '../features/auth/components/session-provider';
import { loginPathReturningTo } from './paths';
import { usePageTitle } from './use-page-title';

/** Screens behind sign-in; an expired session returns here after signing in again. */
export function RequireSession({ children, roles }: { children: ReactNode; roles?: Role[] }) {
  const { state, retry } = useSession();
  const location = useLocation();

  if (state.status === 'loading') return <LoadingState label="Checking your session…" />;
  if (state.status === 'error') return <ErrorState title="Could not check your session" error={state.error} onRetry={retry} />;
  if (state.status === 'anonymous') {
    const returnTo = `${location.pathname}${location.search}`;
    return <Navigate to={loginPathReturningTo(returnTo, state.reason === 'expired' ? 'expired' : undefined)} replace />;
  }
  if (roles && !roles.includes(state.user.role)) return <NotForYourRole roles={roles} />;
  return <>{children}</>;
}

function NotForYourRole({ roles }: { roles: Role[] }) {
  usePageTitle('Not available for your role');
  return (
    <section className="card">
      <h1>Not available for your role</h1>
      <p>This page is for {roles.join(' and ')} accounts. Use the navigation above to get back to your work.</p>
    </section>
  );
}
