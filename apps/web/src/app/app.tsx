import { lazy } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { SessionProvider } from '../features/auth/components/session-provider';
import { AppLayout } from './app-layout';
import { paths } from './paths';
import { AppQueryProvider } from './app-query-provider';
import { RequireSession } from './require-session';
import { NotFoundPage } from './routes/not-found-page';

// Every screen with a form or server data loads on demand: forms bring react-hook-form and the
// shared zod schemas, which the first paint (app shell, session check) does not need.
const LoginPage = lazy(() => import('./routes/login-page'));
const loadDashboardPage = () => import('./routes/dashboard-page');
const DashboardPage = lazy(loadDashboardPage);

/**
 * Opening the dashboard while signed in: fetch its code alongside the session check instead of after
 * it, cutting one step from the request chain. Signed-out visits never load it.
 */
export function preloadLandingPage(signedInBefore: boolean): void {
  if (signedInBefore && window.location.pathname === paths.dashboard) void loadDashboardPage();
}
const AccountSettingsPage = lazy(() => import('./routes/account-settings-page'));
const AdminZoomPage = lazy(() => import('./routes/admin-zoom-page'));
const InterviewPage = lazy(() => import('./routes/interview-page'));
const SetPasswordPage = lazy(() => import('./routes/set-password-page'));

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <AppQueryProvider>
          <Routes>
          <Route element={<AppLayout />}>
            <Route path={paths.login} element={<LoginPage />} />
            <Route
              path={paths.dashboard}
              element={
                <RequireSession>
                  <DashboardPage />
                </RequireSession>
              }
            />
            <Route
              path={paths.accountSettings}
              element={
                <RequireSession>
                  <AccountSettingsPage />
                </RequireSession>
              }
            />
            <Route
              path={paths.adminZoom}
              element={
                <RequireSession roles={['admin']}>
                  <AdminZoomPage />
                </RequireSession>
              }
            />
            <Route
              path={paths.interview}
              element={
                <RequireSession>
                  <InterviewPage />
                </RequireSession>
              }
            />
            <Route path={paths.setPassword} element={<SetPasswordPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
          </Routes>
        </AppQueryProvider>
      </SessionProvider>
    </BrowserRouter>
  );
}
