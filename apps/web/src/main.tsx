import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadLandingPage } from './app/app';
import { prefetchDashboardData } from './app/app-query-provider';
import { paths } from './app/paths';
import { mayHaveSession } from './features/auth/api/session-hint';
import { startSessionCheck } from './features/auth/components/session-provider';
import './styles.css';

const sessionCheck = startSessionCheck();
preloadLandingPage(mayHaveSession());
prefetchDashboardData(sessionCheck, window.location.pathname === paths.dashboard);

const root = document.getElementById('root');
if (!root) throw new Error('index.html is missing <div id="root">');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
