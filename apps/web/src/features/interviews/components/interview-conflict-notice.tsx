import { interviewConflictDetailsSchema, type InterviewConflictDetails } from '@crm/shared/interviews';
import { Notice } from '../../../components/notice';
import { ApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format-date-time';

/** The conflicts of a 409 `interview_conflict`, or null for any other failure. */
export function conflictDetailsOf(error: unknown): InterviewConflictDetails | null {
  if (!(error instanceof ApiError) || error.code !== 'interview_conflict') return null;
  const parsed = interviewConflictDetailsSchema.safeParse(error.details);
  return parsed.success ? parsed.data : { bufferMinutes: 0, conflicts: [] };
}

const OVERLAP_WORDS = { interviewer: 'same interviewer', candidate: 'same candidate' } as const;

/** Shows what the chosen time clashes with; the recruiter goes ahead on purpose or picks another time. */
export function InterviewConflictNotice({
  details,
  confirmLabel,
  busy,
  onConfirm,
  onCancel,
}: {
  details: InterviewConflictDetails;
  confirmLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const count = details.conflicts.length;
  return (
    <Notice tone="warning" title={count === 1 ? 'This time overlaps another interview' : `This time overlaps ${count} other interviews`}>
      <ul className="conflict-list">
        {details.conflicts.map((conflict) => (
          <li key={conflict.id}>
            <strong>{conflict.candidateName}</strong> ({conflict.position}) with {conflict.interviewer.name}, {formatDateTime(conflict.startTime)},{' '}
            {conflict.durationMinutes} min — {conflict.overlaps.map((overlap) => OVERLAP_WORDS[overlap]).join(' and ')}
          </li>
        ))}
      </ul>
      {details.bufferMinutes > 0 && <p>Interviews keep {details.bufferMinutes} minutes free before and after.</p>}
      <div className="button-row">
        <button type="button" className="button button-primary button-small" aria-disabled={busy || undefined} onClick={() => !busy && onConfirm()}>
          {confirmLabel}
        </button>
        <button type="button" className="button button-secondary button-small" onClick={onCancel}>
          Choose another time
        </button>
      </div>
    </Notice>
  );
}
