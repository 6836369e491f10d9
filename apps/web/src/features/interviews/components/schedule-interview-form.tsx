import { useId, useRef, useState, type FormEvent } from 'react';
import { createInterviewRequestSchema, type CreateInterviewRequest, type Interview } from '@crm/shared/interviews';
import { Notice } from '../../../components/notice';
import { useApiQuery } from '../../../hooks/use-api-query';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { formatDateTime, viewerTimeZone } from '../../../lib/format-date-time';
import { timeZoneOptions, zonedWallTimeToInstant } from '../../../lib/zoned-time';
import { createInterview, fetchInterviewers } from '../api/interviews-api';
import { hostReasonText } from './host-badge';
import { InterviewerPicker } from './interviewer-picker';
import { fieldErrorsFromIssues, fieldErrorsFromServer, type FieldErrors } from './interview-field-errors';

type Field = keyof CreateInterviewRequest;

interface Draft {
  candidateName: string;
  candidateEmail: string;
  position: string;
  interviewerId: string;
  startLocal: string;
  timeZone: string;
  durationMinutes: string;
  agenda: string;
  notes: string;
}

const FIELD_ORDER: Field[] = ['candidateName', 'candidateEmail', 'position', 'interviewerId', 'startTime', 'timeZone', 'durationMinutes', 'agenda', 'notes'];

function emptyDraft(): Draft {
  return {
    candidateName: '',
    candidateEmail: '',
    position: '',
    interviewerId: '',
    startLocal: '',
    timeZone: viewerTimeZone(),
    durationMinutes: '45',
    agenda: '',
    notes: '',
  };
}

/** Recruiters schedule here; the shared schema decides what is valid, this form only says it in words. */
export function ScheduleInterviewForm({ onScheduled }: { onScheduled: (interview: Interview) => void }) {
  const uid = useId();
  const id = (field: string) => `${uid}-${field}`;
  const formRef = useRef<HTMLFormElement>(null);
  const interviewers = useApiQuery(fetchInterviewers, 'interviewers');
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitting, setSubmitting] = useState(false);
  const [formError, setFormError] = useState<unknown>(null);
  const [scheduled, setScheduled] = useState<Interview | null>(null);
  const [zones] = useState(() => timeZoneOptions(viewerTimeZone()));

  const set = (field: keyof Draft) => (event: { target: { value: string } }) => setDraft({ ...draft, [field]: event.target.value });

  function focusFirstError(found: FieldErrors) {
    const first = FIELD_ORDER.find((field) => found[field]);
    if (!first) return;
    const target =
      first === 'interviewerId'
        ? formRef.current?.querySelector<HTMLElement>(`input[name="${id('interviewer')}"]`)
        : document.getElementById(id(first === 'startTime' ? 'startLocal' : first));
    target?.focus();
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    setScheduled(null);
    const startTime = draft.startLocal ? zonedWallTimeToInstant(draft.startLocal, draft.timeZone) ?? draft.startLocal : '';
    const request: CreateInterviewRequest = {
      candidateName: draft.candidateName,
      candidateEmail: draft.candidateEmail,
      position: draft.position,
      interviewerId: draft.interviewerId,
      startTime,
      timeZone: draft.timeZone,
      durationMinutes: draft.durationMinutes.trim() === '' ? Number.NaN : Number(draft.durationMinutes),
      agenda: draft.agenda,
      notes: draft.notes,
    };
    const parsed = createInterviewRequestSchema.safeParse(request);
    const found = parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues);
    if (parsed.success && new Date(parsed.data.startTime).getTime() <= Date.now()) found.startTime = 'Choose a time in the future.';
    setErrors(found);
    if (!parsed.success || Object.keys(found).length > 0) {
      focusFirstError(found);
      return;
    }

    setSubmitting(true);
    try {
      const { interview } = await createInterview(parsed.data);
      setScheduled(interview);
      setDraft({ ...emptyDraft(), interviewerId: draft.interviewerId, timeZone: draft.timeZone, durationMinutes: draft.durationMinutes });
      interviewers.reload();
      onScheduled(interview);
    } catch (error) {
      const server = error instanceof ApiError ? fieldErrorsFromServer(error) : {};
      if (Object.keys(server).length > 0) {
        setErrors(server);
        focusFirstError(server);
      } else {
        setFormError(error);
      }
    } finally {
      setSubmitting(false);
    }
  }

  const describedBy = (field: Field, hint?: string) => [hint, errors[field] ? id(`${field}-error`) : undefined].filter(Boolean).join(' ') || undefined;
  const fieldError = (field: Field) =>
    errors[field] ? (
      <p id={id(`${field}-error`)} className="field-error">
        {errors[field]}
      </p>
    ) : null;

  return (
    <form ref={formRef} className="form schedule-form" onSubmit={onSubmit} noValidate aria-labelledby={id('title')}>
      <h2 id={id('title')} className="card-title">
        Schedule interview
      </h2>
      {scheduled && (
        <Notice tone="success" title="Interview scheduled" onDismiss={() => setScheduled(null)}>
          <p>
            {scheduled.candidateName} with {scheduled.interviewer.name}, {formatDateTime(scheduled.startTime)}.{' '}
            {scheduled.meeting.status === 'pending'
              ? 'Zoom did not answer yet; the meeting link will appear as soon as it does.'
              : scheduled.meeting.status === 'failed'
                ? `Zoom refused the meeting: ${scheduled.meeting.lastError?.message ?? 'unknown reason'}.`
                : scheduled.meeting.hostSource === 'system'
                  ? `Hosted on the System account: ${hostReasonText(scheduled.meeting)}.`
                  : `${hostReasonText(scheduled.meeting)}, the interviewer's own Zoom.`}
          </p>
        </Notice>
      )}
      {formError !== null && (
        <Notice tone="error" title="Could not schedule the interview">
          <p>{errorMessage(formError)}</p>
        </Notice>
      )}
      {Object.keys(errors).length > 0 && (
        <p className="field-error" role="alert">
          Check the {Object.keys(errors).length === 1 ? 'field' : `${Object.keys(errors).length} fields`} marked below.
        </p>
      )}
      <div className="form-grid">
        <div className="field">
          <label htmlFor={id('candidateName')}>Candidate name</label>
          <input
            id={id('candidateName')}
            autoComplete="off"
            value={draft.candidateName}
            onChange={set('candidateName')}
            aria-invalid={errors.candidateName ? true : undefined}
            aria-describedby={describedBy('candidateName')}
          />
          {fieldError('candidateName')}
        </div>
        <div className="field">
          <label htmlFor={id('candidateEmail')}>Candidate email</label>
          <input
            id={id('candidateEmail')}
            type="email"
            autoComplete="off"
            value={draft.candidateEmail}
            onChange={set('candidateEmail')}
            aria-invalid={errors.candidateEmail ? true : undefined}
            aria-describedby={describedBy('candidateEmail')}
          />
          {fieldError('candidateEmail')}
        </div>
        <div className="field">
          <label htmlFor={id('position')}>Position</label>
          <input
            id={id('position')}
            value={draft.position}
            onChange={set('position')}
            aria-invalid={errors.position ? true : undefined}
            aria-describedby={describedBy('position')}
          />
          {fieldError('position')}
        </div>
      </div>
      <InterviewerPicker
        name={id('interviewer')}
        query={interviewers}
        value={draft.interviewerId}
        onChange={(interviewerId) => setDraft({ ...draft, interviewerId })}
        error={errors.interviewerId}
        errorId={id('interviewerId-error')}
      />
      <div className="form-grid">
        <div className="field">
          <label htmlFor={id('startLocal')}>Date and time</label>
          <input
            id={id('startLocal')}
            type="datetime-local"
            value={draft.startLocal}
            onChange={set('startLocal')}
            aria-invalid={errors.startTime ? true : undefined}
            aria-describedby={describedBy('startTime')}
          />
          {fieldError('startTime')}
        </div>
        <div className="field">
          <label htmlFor={id('timeZone')}>Time zone</label>
          <select
            id={id('timeZone')}
            value={draft.timeZone}
            onChange={set('timeZone')}
            aria-invalid={errors.timeZone ? true : undefined}
            aria-describedby={describedBy('timeZone')}
          >
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
          {fieldError('timeZone')}
        </div>
        <div className="field">
          <label htmlFor={id('durationMinutes')}>Duration (minutes)</label>
          <input
            id={id('durationMinutes')}
            type="number"
            inputMode="numeric"
            min={5}
            max={480}
            step={5}
            value={draft.durationMinutes}
            onChange={set('durationMinutes')}
            aria-invalid={errors.durationMinutes ? true : undefined}
            aria-describedby={describedBy('durationMinutes')}
          />
          {fieldError('durationMinutes')}
        </div>
      </div>
      <div className="field">
        <label htmlFor={id('agenda')}>Agenda (optional)</label>
        <textarea
          id={id('agenda')}
          rows={2}
          value={draft.agenda}
          onChange={set('agenda')}
          aria-invalid={errors.agenda ? true : undefined}
          aria-describedby={describedBy('agenda', id('agenda-hint'))}
        />
        <span id={id('agenda-hint')} className="hint">
          Sent to Zoom as the meeting agenda; the candidate may see it.
        </span>
        {fieldError('agenda')}
      </div>
      <div className="field">
        <label htmlFor={id('notes')}>Internal notes (optional)</label>
        <textarea
          id={id('notes')}
          rows={2}
          value={draft.notes}
          onChange={set('notes')}
          aria-invalid={errors.notes ? true : undefined}
          aria-describedby={describedBy('notes', id('notes-hint'))}
        />
        <span id={id('notes-hint')} className="hint">
          Only for the hiring team; never sent to Zoom.
        </span>
        {fieldError('notes')}
      </div>
      <button type="submit" className="button button-primary" disabled={submitting}>
        {submitting ? 'Scheduling…' : 'Schedule interview'}
      </button>
    </form>
  );
}
