import type { Logger } from 'pino';
import type { AuditRepository } from '../ports/audit-repository';
import type { Clock } from '../ports/clock';
import type { InterviewRepository } from '../ports/interview-repository';
import type { OutboxRepository } from '../ports/outbox-repository';
import type { RateLimitCounterRepository } from '../ports/rate-limit-counter-repository';
import type { UserRepository } from '../ports/user-repository';

export interface ReminderDeps {
  users: Pick<UserRepository, 'list' | 'findById'>;
  interviews: Pick<InterviewRepository, 'list'>;
  outbox: Pick<OutboxRepository, 'enqueue'>;
  audit: AuditRepository;
  /** Shared by every instance: the nudge limits hold however many API processes run. */
  rateLimits: RateLimitCounterRepository;
  clock: Clock;
  logger: Pick<Logger, 'info' | 'warn'>;
  atomically: <T>(work: () => Promise<T>) => Promise<T>;
  /** How long before an interview its reconnect reminder is due (REMINDER_LEAD_HOURS). */
  leadMs: number;
  /**
   * The organisation's Server-to-Server account is configured, so an unconnected interviewer's meeting
   * falls back to it. Without it there is no "system account" to warn about.
   */
  fallbackAvailable: boolean;
  /** False when no SMTP server is configured: banners still show, no email is queued. */
  emailEnabled: boolean;
  /** Where an interviewer connects Zoom (the web app's Account Settings), linked from every email. */
  accountSettingsUrl: string;
}
