import { createHash, randomBytes } from 'node:crypto';
import type { CalendarFeedCreated, CalendarFeedStatus } from '@crm/shared/calendar';
import { AppError } from '../../errors/app-error';
import type { InvitationDeps } from '../invitations/invitation-deps';
import { buildInterviewInvitation, invitationUid } from '../invitations/interview-invitation';
import { renderCalendarFeed } from '../invitations/render-invitation-ics';
import type { CalendarFeedRepository } from '../ports/calendar-feed-repository';
import type { InterviewRepository, ListedInterview } from '../ports/interview-repository';

export interface CalendarFeedDeps {
  feeds: CalendarFeedRepository;
  interviews: Pick<InterviewRepository, 'list'>;
  invitations: InvitationDeps;
  /** Origin the feed URL is built on. */
  publicUrl: string;
}

const FEED_PAST_DAYS = 30;
const FEED_LIMIT = 200;

/** Only a digest is stored: a leaked database does not leak working feed URLs. 256 random bits need no slow hash. */
function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

export async function getCalendarFeedStatus(deps: CalendarFeedDeps, userId: string): Promise<CalendarFeedStatus> {
  const feed = await deps.feeds.findByUser(userId);
  return { active: feed !== null, createdAt: feed?.createdAt.toISOString() ?? null };
}

/** A new secret URL (shown this once); the previous one stops working at once. */
export async function regenerateCalendarFeed(deps: CalendarFeedDeps, userId: string): Promise<CalendarFeedCreated> {
  const secret = randomBytes(32).toString('base64url');
  const feed = await deps.feeds.replace(userId, hashSecret(secret), deps.invitations.clock.now());
  return { url: `${deps.publicUrl}/api/calendar/${secret}.ics`, createdAt: feed.createdAt.toISOString() };
}

export async function revokeCalendarFeed(deps: CalendarFeedDeps, userId: string): Promise<void> {
  await deps.feeds.revoke(userId);
}

/**
 * The interviewer's upcoming interviews and those of the last 30 days, under the same UIDs and
 * SEQUENCEs as their invitations, so a calendar that has both shows one event. Unknown or revoked: 404.
 */
export async function renderCalendarFeedFor(deps: CalendarFeedDeps, secret: string): Promise<string> {
  const feed = await deps.feeds.findBySecretHash(hashSecret(secret));
  if (!feed) throw new AppError({ code: 'not_found', status: 404, message: 'No such calendar' });
  const now = deps.invitations.clock.now();
  const since = now.getTime() - FEED_PAST_DAYS * 24 * 60 * 60_000;
  const filter = { interviewerId: feed.userId, now, includeCancelled: false, limit: FEED_LIMIT } as const;
  const [upcoming, past] = await Promise.all([deps.interviews.list({ ...filter, when: 'upcoming' }), deps.interviews.list({ ...filter, when: 'past' })]);
  const interviews: ListedInterview[] = [...past.filter((interview) => interview.endTime.getTime() >= since).reverse(), ...upcoming];
  const entries = await Promise.all(
    interviews.map(async (interview) => {
      const [invitation, record] = await Promise.all([buildInterviewInvitation(deps.invitations, interview), deps.invitations.invitations.find(interview.id)]);
      return { invitation: { ...invitation, uid: record?.uid ?? invitationUid(interview.id, deps.invitations.uidDomain) }, sequence: record?.sequence ?? 0 };
    }),
  );
  return renderCalendarFeed('Interviews', entries, now);
}
