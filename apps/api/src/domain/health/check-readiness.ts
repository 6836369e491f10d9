import type { ReadinessResponse } from '@crm/shared/health';
import { AppError } from '../../errors/app-error';
import type { Store } from '../ports/store';

/**
 * Ready means the store answers; anything else is a 503 so a load balancer stops sending traffic until it
 * answers again (each call asks afresh: nothing is cached).
 */
export async function checkReadiness(store: Pick<Store, 'kind' | 'ping'>): Promise<ReadinessResponse> {
  try {
    await store.ping();
  } catch (cause) {
    throw new AppError({ code: 'store_unavailable', status: 503, message: 'The store is not reachable', cause });
  }
  return { status: 'ready', store: store.kind };
}
