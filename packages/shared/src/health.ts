import { z } from 'zod';
import type { Endpoint } from './endpoint';

export const healthResponseSchema = z.object({ status: z.literal('ok') });
export type HealthResponse = z.infer<typeof healthResponseSchema>;

export const readinessResponseSchema = z.object({
  status: z.literal('ready'),
  /** Which store answered the ping, e.g. `memory` or `mongo`. */
  store: z.string(),
});
export type ReadinessResponse = z.infer<typeof readinessResponseSchema>;

/** Probes for load balancers and orchestrators: public, no session. */
export const healthEndpoints = {
  health: { method: 'GET', path: '/api/health', response: healthResponseSchema },
  ready: { method: 'GET', path: '/api/ready', response: readinessResponseSchema },
} as const satisfies Record<string, Endpoint>;
