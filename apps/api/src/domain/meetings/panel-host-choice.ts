import type { Logger } from 'pino';
import type { FallbackReason } from './meeting-host';

/** One member's try at hosting on their own Zoom account: the meeting made there, or why it could not be. */
export type MemberHostAttempt<R> = { ok: true; hosted: R } | { ok: false; reason: FallbackReason };

/**
 * The interviewer side of host choice for a panel: members are tried in the panel's order and the first
 * whose own account makes the meeting hosts it (so a lead who never connected Zoom does not push the
 * panel onto the organisation's account while a colleague could host).
 *
 * When no member can, the fallback reason is the FIRST member's: the panel is ordered with its intended
 * host first, and "why is the lead not hosting?" is the question a recruiter asks. Every member's reason
 * is logged. A member's Zoom being unreachable is thrown, not skipped (meeting-host.ts: Zoom being
 * unavailable is never a reason to move a meeting elsewhere): the change stays pending and is retried.
 */
export async function firstPanelMemberHost<R>(
  panel: readonly string[],
  tryMember: (memberId: string) => Promise<MemberHostAttempt<R>>,
  logger: Pick<Logger, 'info'>,
): Promise<{ ok: true; hosted: R; hostInterviewerId: string } | { ok: false; reason: FallbackReason }> {
  const reasons: { interviewerId: string; reason: FallbackReason }[] = [];
  for (const memberId of panel) {
    const attempt = await tryMember(memberId);
    if (attempt.ok) {
      if (reasons.length > 0) logger.info({ hostInterviewerId: memberId, skipped: reasons }, 'a later panel member hosts: the ones before cannot');
      return { ok: true, hosted: attempt.hosted, hostInterviewerId: memberId };
    }
    reasons.push({ interviewerId: memberId, reason: attempt.reason });
  }
  if (panel.length > 1) logger.info({ reasons }, "no panel member can host; falling back to the organisation's account with the first member's reason");
  return { ok: false, reason: reasons[0]?.reason ?? 'not_connected' };
}
