import { setTimeout as delay } from 'node:timers/promises';
import type { Clock } from '../domain/ports/clock';

/** The real clock; tests pass their own to startApi instead. */
export const systemClock: Clock = {
  now: () => new Date(),
  sleep: async (ms) => {
    await delay(ms);
  },
};
