import { lazy } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { SessionProvider } from '../features/auth/components/session-provider';
import { AppLayout } from './app-layout';
import { paths } from './paths';
import { RequireSession } from './require-session';
import { LoginPage } from './routes/login-page';
import { NotFoundPage } from './routes/not-found-page';

// Signed-in screens load on demand so the sign-in page stays small.
const DashboardPage = lazy(() => import('./routes/dashboard-page'));
const AccountSettingsPage = lazy(() => import('./routes/account-settings-page'));
const AdminZoomPage = lazy(() => import('./routes/admin-zoom-page'));

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
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
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  );
}
