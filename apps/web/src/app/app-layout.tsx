import { Suspense } from 'react';
import { NavLink, Outlet, useNavigate } from 'react-router-dom';
import { LoadingState } from '../components/loading-state';
import { clearFormDrafts } from '../lib/use-form-draft';
import { ProfileMenu } from '../features/auth/components/profile-menu';
import { useSession } from '../features/auth/components/session-provider';
import { paths } from './paths';
import { useHeadingFocusOnNavigation } from './use-heading-focus-on-navigation';

export function AppLayout() {
  const { state, signOut } = useSession();
  const navigate = useNavigate();
  const user = state.status === 'signed_in' ? state.user : null;
  useHeadingFocusOnNavigation();

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="header-inner">
          <NavLink to={paths.dashboard} className="brand" end>
            Interview CRM
          </NavLink>
          {user && (
            <nav aria-label="Main" className="main-nav">
              <NavLink to={paths.dashboard} end>
                Interviews
              </NavLink>
              {user.role === 'admin' && (
                <NavLink to={paths.adminZoom}>
                  Zoom<span className="nav-long"> connections</span>
                </NavLink>
              )}
            </nav>
          )}
          {user && (
            <ProfileMenu
              user={user}
              accountSettingsPath={paths.accountSettings}
              onSignOut={() => {
                clearFormDrafts();
                void signOut().finally(() => navigate(paths.login, { replace: true }));
              }}
            />
          )}
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <Suspense fallback={<LoadingState />}>
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}
