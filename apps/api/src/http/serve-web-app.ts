import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';

/**
 * Serves the built web app (apps/web/dist) on the API's own origin, so one container answers both and the
 * session cookie, CSRF origin and Zoom callback all share it. Paths under /api never reach the web app.
 * Hashed assets are cached for a year; index.html never, so a deploy is picked up on the next load.
 */
export function serveWebApp(directory: string): Router {
  const root = path.resolve(directory);
  const indexHtml = path.join(root, 'index.html');
  if (!existsSync(indexHtml)) throw new Error(`WEB_DIST_DIR: ${root} has no index.html (build the web app: pnpm --filter @crm/web build)`);
  const router = Router();
  router.use(
    '/assets',
    express.static(path.join(root, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: false }),
  );
  router.use(express.static(root, { index: false, maxAge: 0 }));
  // Client-side routes (/interviews/123, /admin) all load the app shell.
  router.get(/^\/(?!api(?:\/|$)).*/, (req, res, next) => {
    if (!req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexHtml);
  });
  return router;
}
