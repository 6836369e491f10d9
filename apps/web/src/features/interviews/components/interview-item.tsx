import { useId, useState, type FormEvent } from 'react';
import { updateInterviewRequestSchema, type Interview } from '@crm/shared/interviews';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { Notice } from '../../../components/notice';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format-date-time';
import { instantToZonedWallTime, zonedWallTimeToInstant } from '../../../lib/zoned-time';
import { cancelInterview, rescheduleInterview } from '../api/interviews-api';
import { HostBadge } from './host-badge';
import { MeetingStatus } from './meeting-status';

export function InterviewItem({
  interview,
  viewerId,
  canManage,
  onChanged,
}: {
  interview: Interview;
  viewerId: string;
  canManage: boolean;
  onChanged: (interview: Interview) => void;
}) {
  const titleId = useId();
  const [mode, setMode] = useState<'view' | 'reschedule' | 'confirm-cancel'>('view');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { meeting } = interview;
  const cancelled = interview.status === 'cancelled';
  const isHost = interview.interviewer.id === viewerId;
  const upcoming = new Date(interview.startTime).getTime() + interview.durationMinutes * 60_000 > Date.now();

  async function onCancel() {
    setBusy(true);
    setError(null);
    try {
      onChanged((await cancelInterview(interview.id)).interview);
      setMode('view');
    } catch (caught) {
      setError(caught);
      setMode('view');
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className={`interview${cancelled ? ' interview-cancelled' : ''}`} aria-labelledby={titleId}>
      <div className="interview-main">
        <h3 id={titleId} className="interview-title">
          {interview.candidateName}
          <span className="interview-position"> · {interview.position}</span>
        </h3>
        <p className="interview-time">
          <time dateTime={interview.startTime}>{formatDateTime(interview.startTime)}</time> · {interview.durationMinutes} min
        </p>
        <p className="interview-meta">
          Interviewer: <span className="cell-strong">{interview.interviewer.name}</span>
        </p>
        <div className="interview-host">
          <HostBadge meeting={meeting} />
          <MeetingStatus meeting={meeting} />
        </div>
        {!cancelled && (
          <p className="interview-links">
            {meeting.joinUrl ? (
              <a href={meeting.joinUrl} target="_blank" rel="noreferrer">
                Join link<span className="sr-only"> for {interview.candidateName}</span>
              </a>
            ) : (
              <span className="muted">No join link yet</span>
            )}
            {isHost && meeting.startUrl && (
              <a href={meeting.startUrl} target="_blank" rel="noreferrer" className="start-link">
                Start meeting as host<span className="sr-only"> for {interview.candidateName}</span>
              </a>
            )}
          </p>
        )}
      </div>
      {error !== null && (
        <Notice tone="error" title="That did not work" onDismiss={() => setError(null)}>
          <p>{errorMessage(error)}</p>
        </Notice>
      )}
      {/* Kept while confirming a cancellation: the dialog returns focus to the button that opened it. */}
      {canManage && !cancelled && upcoming && mode !== 'reschedule' && (
        <div className="button-row">
          <button type="button" className="button button-secondary button-small" onClick={() => setMode('reschedule')}>
            Reschedule<span className="sr-only"> {interview.candidateName}</span>
          </button>
          <button type="button" className="button button-danger-outline button-small" onClick={() => setMode('confirm-cancel')}>
            Cancel interview<span className="sr-only"> with {interview.candidateName}</span>
          </button>
        </div>
      )}
      {mode === 'reschedule' && (
        <RescheduleForm
          interview={interview}
          onDone={(updated) => {
            setMode('view');
            if (updated) onChanged(updated);
          }}
        />
      )}
      {mode === 'confirm-cancel' && (
        <ConfirmDialog
          title={`Cancel the interview with ${interview.candidateName}?`}
          confirmLabel="Cancel interview"
          cancelLabel="Keep interview"
          destructive
          busy={busy}
          onConfirm={onCancel}
          onCancel={() => setMode('view')}
        >
          <p>
            {formatDateTime(interview.startTime)} with {interview.interviewer.name}. The Zoom meeting is deleted and its links stop
            working.
          </p>
        </ConfirmDialog>
      )}
    </li>
  );
}

function RescheduleForm({ interview, onDone }: { interview: Interview; onDone: (updated: Interview | null) => void }) {
  const uid = useId();
  const [startLocal, setStartLocal] = useState(() => instantToZonedWallTime(interview.startTime, interview.timeZone));
  const [duration, setDuration] = useState(String(interview.durationMinutes));
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState<{ startTime: string; durationMinutes: number } | null>(null);
  const [busy, setBusy] = useState(false);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const startTime = zonedWallTimeToInstant(startLocal, interview.timeZone) ?? startLocal;
    const parsed = updateInterviewRequestSchema.safeParse({ startTime, durationMinutes: Number(duration) });
    if (!parsed.success) {
      const fields = new Set(parsed.error.issues.map((issue) => issue.path[0]));
      setProblem(
        fields.has('durationMinutes')
          ? 'Enter a duration between 5 and 480 minutes.'
          : 'Choose the new date and time.',
      );
      return;
    }
    if (new Date(startTime).getTime() <= Date.now()) {
      setProblem('Choose a time in the future.');
      return;
    }
    setProblem(null);
    setPending({ startTime, durationMinutes: Number(duration) });
  }

  async function onConfirm() {
    if (!pending) return;
    setBusy(true);
    try {
      const { interview: updated } = await rescheduleInterview(interview.id, pending);
      onDone(updated);
    } catch (error) {
      setProblem(errorMessage(error));
      setPending(null);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form reschedule-form" onSubmit={onSubmit} noValidate aria-label={`Reschedule ${interview.candidateName}`}>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${uid}-start`}>New date and time ({interview.timeZone})</label>
          <input
            id={`${uid}-start`}
            type="datetime-local"
            value={startLocal}
            onChange={(event) => setStartLocal(event.target.value)}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${uid}-problem` : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-duration`}>Duration (minutes)</label>
          <input
            id={`${uid}-duration`}
            type="number"
            min={5}
            max={480}
            step={5}
            value={duration}
            onChange={(event) => setDuration(event.target.value)}
          />
        </div>
      </div>
      {problem && (
        <p id={`${uid}-problem`} className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button-primary button-small">
          Save new time
        </button>
        <button type="button" className="button button-secondary button-small" onClick={() => onDone(null)}>
          Keep current time
        </button>
      </div>
      {pending && (
        <ConfirmDialog
          title={`Reschedule ${interview.candidateName}?`}
          confirmLabel="Reschedule"
          busy={busy}
          onConfirm={onConfirm}
          onCancel={() => setPending(null)}
        >
          <p>
            Move it from {formatDateTime(interview.startTime)} to {formatDateTime(pending.startTime)} ({pending.durationMinutes}{' '}
            min). The Zoom meeting keeps its links.
          </p>
        </ConfirmDialog>
      )}
    </form>
  );
}
