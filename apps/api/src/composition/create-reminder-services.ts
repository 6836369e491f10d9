import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { ReminderServices } from '../app-deps';
import type { Env } from '../config/env';
import type { Clock } from '../domain/ports/clock';
import type { Store } from '../domain/ports/store';
import type { ReminderDeps } from '../domain/reminders/reminder-deps';
import { createZoomReconnectReminderJob } from '../jobs/zoom-reconnect-reminder-job';

/** The web app's Account Settings route (apps/web/src/app/paths.ts), where Zoom is connected. */
const ACCOUNT_SETTINGS_PATH = '/settings/account';

/** Reconnect reminders and the admins' nudge. Starts nothing: start-api.ts starts the job. */
export function createReminderServices(env: Env, store: Store, logger: Logger, clock: Clock, options: { fallbackAvailable: boolean }): ReminderServices {
  const deps: ReminderDeps = {
    users: store.users,
    interviews: store.interviews,
    outbox: store.outbox,
    audit: store.audit,
    rateLimits: store.rateLimits,
    clock,
    logger,
    atomically: (work) => store.atomically(work),
    leadMs: env.REMINDER_LEAD_HOURS * 60 * 60_000,
    fallbackAvailable: options.fallbackAvailable,
    emailEnabled: Boolean(env.SMTP_URL),
    accountSettingsUrl: new URL(ACCOUNT_SETTINGS_PATH, env.WEB_APP_URL).toString(),
  };
  const job = createZoomReconnectReminderJob({
    deps,
    leases: store.jobLeases,
    owner: `${hostname()}:${process.pid}:${randomUUID()}`,
    intervalMs: env.REMINDER_JOB_INTERVAL_MS,
    logger,
  });
  return { deps, job };
}
