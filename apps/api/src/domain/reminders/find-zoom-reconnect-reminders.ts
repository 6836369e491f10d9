import type { ListedInterview } from '../ports/interview-repository';
import type { UserRecord } from '../ports/user-repository';
import type { ReminderRecipient } from '../invitations/compose-reminder-emails';
import type { ReminderDeps } from './reminder-deps';
import { hostInterviewerOf } from '../interviews/interview-panel';

/** More interviews than one person holds in a day; the list is read soonest first. */
const INTERVIEWS_READ_PER_INTERVIEWER = 50;

/** The interviewer as a reminder recipient, or null when their own Zoom can host (or they cannot sign in). */
export function unconnectedRecipient(user: UserRecord): ReminderRecipient | null {
  if (!user.active || user.zoomConnectionState === 'connected') return null;
  return { id: user.id, name: user.name, email: user.email, zoomState: user.zoomConnectionState };
}

/**
 * The interviewer's interviews that start within the lead time and that the system account will host
 * because their own Zoom is not connected (or needs a reconnect): what both the email and the banner
 * are about. Empty when there is no fallback account, since then nothing "falls back" to warn about.
 */
export async function dueZoomReconnectReminders(deps: Pick<ReminderDeps, 'interviews' | 'leadMs' | 'fallbackAvailable'>, interviewer: UserRecord, now: Date): Promise<ListedInterview[]> {
  if (!deps.fallbackAvailable || !unconnectedRecipient(interviewer)) return [];
  const horizon = now.getTime() + deps.leadMs;
  const upcoming = await deps.interviews.list({ interviewerId: interviewer.id, when: 'upcoming', now, includeCancelled: false, limit: INTERVIEWS_READ_PER_INTERVIEWER });
  // A panel another member hosts on their own Zoom does not fall back: nothing to remind this one about.
  const hostedByAnother = (interview: ListedInterview) => interview.meeting.hostSource === 'interviewer' && hostInterviewerOf(interview) !== interviewer.id;
  return upcoming.filter((interview) => interview.status === 'scheduled' && !hostedByAnother(interview) && interview.startTime.getTime() > now.getTime() && interview.startTime.getTime() <= horizon);
}
