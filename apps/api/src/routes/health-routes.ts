import { Router } from 'express';
import { healthEndpoints } from '@crm/shared/health';
import type { AppDeps } from '../app-deps';
import { checkReadiness } from '../domain/health/check-readiness';
import { route } from '../http/typed-route';

export function healthRoutes(deps: AppDeps): Router {
  const router = Router();
  route(router, healthEndpoints.health, () => ({ status: 'ok' as const }));
  route(router, healthEndpoints.ready, () => checkReadiness(deps.store));
  return router;
}
