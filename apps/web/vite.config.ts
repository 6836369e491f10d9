import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const webPort = Number(process.env.WEB_PORT ?? 5173);
const apiTarget = process.env.VITE_API_PROXY_TARGET ?? 'http://127.0.0.1:5000';

export default defineConfig({
  plugins: [react()],
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
        // Libraries in chunks named for them: they change far less often than the app's code, so a release
        // keeps them cached, and a report names what it measures (automatic names were `auth` for zod's core).
        codeSplitting: {
          groups: [
            { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|cookie|set-cookie-parser)[\\/]/, priority: 3 },
            { name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]/, priority: 2 },
            { name: 'react-hook-form', test: /[\\/]node_modules[\\/](react-hook-form|@hookform[\\/]resolvers)[\\/]/, priority: 2 },
          ],
        },
      },
    },
  },
});
