import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { preloadLandingRoute } from './build-plugins/preload-landing-route.ts';
import { LANDING_PAGE_READS } from './src/app/landing-page-reads.ts';
import { paths } from './src/app/paths.ts';
import { SESSION_HINT_KEY } from './src/features/auth/api/session-hint.ts';
import { EARLY_RESPONSES_GLOBAL } from './src/lib/early-responses.ts';

const webPort = Number(process.env.WEB_PORT ?? 5173);
const apiTarget = process.env.VITE_API_PROXY_TARGET ?? 'http://127.0.0.1:5000';

export default defineConfig({
  plugins: [
    react(),
    preloadLandingRoute({
      routeModule: '/src/app/routes/dashboard-page.tsx',
      pathname: paths.dashboard,
      sessionHintKey: SESSION_HINT_KEY,
      earlyReads: { responsesGlobal: EARLY_RESPONSES_GLOBAL, ...LANDING_PAGE_READS },
    }),
  ],
  server: {
    // Cookies are per host, not per port: the browser must reach both the web app and the API's
    // OAuth callback as `localhost`, so the session cookie set through this proxy reaches the callback.
    host: 'localhost',
    port: webPort,
    strictPort: true,
    proxy: {
      '/api': { target: apiTarget },
    },
  },
  preview: { host: 'localhost', port: webPort, strictPort: true, proxy: { '/api': { target: apiTarget } } },
  build: {
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      output: {
        // The app's grouped chunks are named for every route that shares them: too long for a file name.
        chunkFileNames: (chunk) => (chunk.name.startsWith('app~') ? 'assets/app-[hash].js' : 'assets/[name]-[hash].js'),
        // Libraries in chunks named for them: they change far less often than the app's code, so a release
        // keeps them cached, and a report names what it measures (automatic names were `auth` for zod's core).
        codeSplitting: {
          groups: [
            { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|cookie|set-cookie-parser)[\\/]/, priority: 3 },
            { name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]/, priority: 2 },
            { name: 'react-hook-form', test: /[\\/]node_modules[\\/](react-hook-form|@hookform[\\/]resolvers)[\\/]/, priority: 2 },
            // What the entry loads statically (the first paint's code) stays in the entry chunk...
            { name: 'shell', tags: ['$initial'], priority: 1 },
            // The sign-in page with everything it imports, in one chunk of its own: grouped with the routes it
            // shares code with, it loaded a third more than it needs.
            { name: 'login-page', test: /[\\/]src[\\/]app[\\/]routes[\\/]login-page\.tsx$/, priority: 1 },
            // ...and the rest of the app's code (routes, features, the shared contract, TanStack Query's hooks)
            // is grouped by the set of routes that use it, a group under the threshold joining its nearest
            // neighbour: the dashboard arrives in 6 files instead of 23, and on a slow connection each file
            // costs a round trip (six connections per origin over HTTP/1.1).
            { name: 'app', test: /[\\/](apps[\\/]web[\\/]src|packages[\\/]shared|node_modules[\\/]@tanstack)[\\/]/, priority: 1, entriesAware: true, entriesAwareMergeThreshold: 24_000 },
          ],
        },
      },
    },
  },
});
