import type { Logger } from 'pino';
import type { Clock } from '../ports/clock';
import type { InvitationRepository } from '../ports/invitation-repository';
import type { MeetingDefaultsRepository } from '../ports/meeting-defaults-repository';
import type { OutboxRepository } from '../ports/outbox-repository';
import type { UserRepository } from '../ports/user-repository';

export interface InvitationDeps {
  invitations: InvitationRepository;
  outbox: OutboxRepository;
  users: Pick<UserRepository, 'findById'>;
  meetingDefaults: Pick<MeetingDefaultsRepository, 'get'>;
  clock: Clock;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** Right-hand side of every UID (`<interview id>@<uidDomain>`), e.g. the web app's host name. */
  uidDomain: string;
  /** False when no SMTP server is configured: invitations are still versioned, but no email is queued. */
  emailEnabled: boolean;
}
