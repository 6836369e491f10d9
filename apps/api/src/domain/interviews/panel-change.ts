import type { InterviewRecord } from '../ports/interview-repository';
import type { UserRecord } from '../ports/user-repository';
import { hostInterviewerOf, panelOf } from './interview-panel';

export interface PanelChange {
  ids: string[];
  /** Members not on the panel before (checked for conflicts and the Zoom policy). */
  added: string[];
  /** Members taken off the panel (their calendar entry is cancelled for them). */
  removed: string[];
  /** The meeting exists and the new panel's host would be someone else: it is re-created there. */
  moveMeeting: boolean;
}

/**
 * What a new panel means for the meeting. Its host is the first member with Zoom connected, else the
 * organisation's account (what a create would choose, as far as the CRM knows); when that differs from
 * where the meeting is now, the meeting moves. Otherwise it stays (same join link) and the update that
 * follows tells Zoom the new alternative hosts.
 */
export function panelChange(current: InterviewRecord, members: readonly UserRecord[]): PanelChange {
  const before = new Set(panelOf(current));
  const ids = members.map((member) => member.id);
  const expectedHost = members.find((member) => member.zoomConnectionState === 'connected')?.id ?? null;
  const { meeting } = current;
  const currentHost = meeting.hostSource === 'interviewer' ? hostInterviewerOf(current) : null;
  const exists = meeting.zoomMeetingId !== null && meeting.hostSource !== null && !meeting.deletedInZoom;
  return {
    ids,
    added: ids.filter((id) => !before.has(id)),
    removed: [...before].filter((id) => !ids.includes(id)),
    moveMeeting: exists && expectedHost !== currentHost,
  };
}
