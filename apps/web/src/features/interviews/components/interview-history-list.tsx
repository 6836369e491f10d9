import type { InterviewHistoryEntry } from '@crm/shared/interviews';
import { formatDateTime } from '../../../lib/format-date-time';

const WHAT: Record<InterviewHistoryEntry['kind'], string> = {
  scheduled: 'Scheduled',
  rescheduled: 'Changed',
  rehosted: 'Moved to another Zoom account',
  retried: 'Zoom meeting retried',
  cancelled: 'Cancelled',
};

const FIELD_NAMES: Record<string, string> = {
  startTime: 'time',
  timeZone: 'time zone',
  durationMinutes: 'duration (min)',
  candidateName: 'candidate name',
  candidateEmail: 'candidate email',
  position: 'position',
  agenda: 'agenda',
  notes: 'internal notes',
};

function who(entry: InterviewHistoryEntry): string {
  if (entry.by.kind === 'zoom') return 'Zoom';
  if (entry.by.kind === 'system') return 'the CRM';
  return entry.by.name ?? entry.by.email ?? 'someone';
}

function value(field: string, text: string | null): string {
  if (text === null) return '—';
  return field === 'startTime' ? formatDateTime(text) : text;
}

/** Created, rescheduled, re-hosted, cancelled: what happened, by whom and when, oldest first. */
export function InterviewHistoryList({ history }: { history: InterviewHistoryEntry[] }) {
  return (
    <ol className="interview-history">
      {history.map((entry, index) => (
        <li key={`${entry.at}-${index}`}>
          <strong>{WHAT[entry.kind]}</strong> by {who(entry)}, <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
          {entry.reason && <span className="muted"> ({entry.reason})</span>}
          {entry.changes.length > 0 && (
            <ul>
              {entry.changes.map((change) => (
                <li key={change.field}>
                  {change.from === null && change.to === null
                    ? `${FIELD_NAMES[change.field] ?? change.field} edited`
                    : `${FIELD_NAMES[change.field] ?? change.field}: ${value(change.field, change.from)} → ${value(change.field, change.to)}`}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
