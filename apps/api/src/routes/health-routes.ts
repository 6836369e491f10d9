import { Router } from 'express';
import type { AppDeps } from '../app-deps';
import { AppError } from '../errors/app-error';

export function healthRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/api/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/api/ready', async (_req, res) => {
    try {
      await deps.store.ping();
    } catch (cause) {
      throw new AppError({ code: 'service_unavailable', status: 503, message: 'The store is not reachable', cause });
    }
    res.json({ status: 'ready', store: deps.store.kind });
  });
  return router;
}
