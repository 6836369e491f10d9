import type { InterviewRepository } from '../domain/ports/interview-repository';

export interface StartUrlRemoval {
  scanned: number;
  removed: number;
}

/**
 * Migration step: earlier versions stored the start URL Zoom returned at creation (encrypted). It
 * expires about 2 hours after issue and is now fetched when the host starts the meeting, so stored ones
 * are only a credential kept for nothing. Idempotent; an envelope replaced meanwhile is re-read and removed.
 */
export async function removeStoredStartUrls(interviews: Pick<InterviewRepository, 'listStartUrlEnvelopes' | 'replaceStartUrlEnvelope' | 'findById'>): Promise<StartUrlRemoval> {
  const report: StartUrlRemoval = { scanned: 0, removed: 0 };
  for (const stored of await interviews.listStartUrlEnvelopes()) {
    report.scanned += 1;
    let envelope: string | null = stored.envelope;
    for (let attempt = 1; envelope !== null && attempt <= 3; attempt += 1) {
      if (await interviews.replaceStartUrlEnvelope(stored.id, envelope, null)) {
        report.removed += 1;
        break;
      }
      envelope = (await interviews.findById(stored.id))?.meeting.startUrlEnvelope ?? null;
    }
  }
  return report;
}
