import type { InterviewRecord } from '../ports/interview-repository';

/** Fields a reschedule shows with old and new values; agenda and notes are named only (they can be long or internal). */
const SHOWN_WITH_VALUES = ['startTime', 'timeZone', 'durationMinutes', 'candidateName', 'candidateEmail', 'position'] as const;
const NAMED_ONLY = ['agenda', 'notes'] as const;

export type InterviewChange = { field: string; from: string | null; to: string | null };

/** What a reschedule or edit changed, as the history shows it. */
export function interviewChanges(before: InterviewRecord, after: InterviewRecord): InterviewChange[] {
  const text = (value: unknown) => (value instanceof Date ? value.toISOString() : String(value));
  const changes: InterviewChange[] = [];
  for (const field of SHOWN_WITH_VALUES) {
    if (text(before[field]) !== text(after[field])) changes.push({ field, from: text(before[field]), to: text(after[field]) });
  }
  for (const field of NAMED_ONLY) if (before[field] !== after[field]) changes.push({ field, from: null, to: null });
  // The panel, in order, as user ids (the history names them).
  const panel = (record: InterviewRecord) => (record.interviewerIds?.length ? record.interviewerIds : [record.interviewerId]).join(',');
  if (panel(before) !== panel(after)) changes.push({ field: 'interviewerIds', from: panel(before), to: panel(after) });
  return changes;
}
