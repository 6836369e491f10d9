import { useId, useRef, useState, type FormEvent } from 'react';
import { Controller, useForm, useWatch, type FieldErrors as FormErrors } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { CreateInterviewInput, Interview, InterviewConflictDetails } from '@crm/shared/interviews';
import { FormField } from '../../../components/form-field';
import { LiveRegion } from '../../../components/live-region';
import { Notice } from '../../../components/notice';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { resolverWithFieldMessages } from '../../../lib/resolver-with-field-messages';
import { useFormDraft } from '../../../lib/use-form-draft';
import { viewerTimeZoneName } from '../../../lib/time-zone-catalog';
import { zonedWallTimeToInstant } from '../../../lib/zoned-time';
import { useInterviewers } from '../api/get-interviewers';
import { useInterviewerAvailability } from '../api/get-interviewer-availability';
import { useSchedulingSettings } from '../api/scheduling-settings';
import { useCreateInterviewMutation } from '../api/use-create-interview-mutation';
import { conflictDetailsOf, InterviewConflictNotice } from './interview-conflict-notice';
import { INTERVIEW_FIELD_MESSAGES, fieldErrorsFromServer, withRuleMessages, type InterviewField } from './interview-field-errors';
import { PanelPicker } from './panel-picker';
import { scheduleInterviewFormSchema, type ScheduleInterviewFormValues } from './schedule-interview-form-schema';
import { ScheduledInterviewNotice } from './scheduled-interview-notice';
import { TimeZonePicker } from './time-zone-picker';
import { withFutureStartCheck } from './with-future-start-check';

const FIELD_ORDER: InterviewField[] = ['candidateName', 'candidateEmail', 'position', 'interviewerIds', 'startTime', 'timeZone', 'durationMinutes', 'agenda', 'notes'];

// Every field error at once, the past-start one included (see withFutureStartCheck).
const resolver = withFutureStartCheck(withRuleMessages(resolverWithFieldMessages(zodResolver(scheduleInterviewFormSchema), INTERVIEW_FIELD_MESSAGES)), viewerTimeZoneName);

function emptyForm(): ScheduleInterviewFormValues {
  return {
    candidateName: '',
    candidateEmail: '',
    position: '',
    interviewerIds: [],
    startTime: '',
    timeZone: viewerTimeZoneName(),
    durationMinutes: '45',
    agenda: '',
    notes: '',
  };
}

/** Recruiters schedule here; the shared schema decides what is valid, this form only says it in words. */
export function ScheduleInterviewForm() {
  const uid = useId();
  const id = (field: string) => `${uid}-${field}`;
  const formRef = useRef<HTMLFormElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const interviewers = useInterviewers();
  const schedulingSettings = useSchedulingSettings();
  const createMutation = useCreateInterviewMutation();
  const [formError, setFormError] = useState<unknown>(null);
  const [scheduled, setScheduled] = useState<Interview | null>(null);
  // The request the API refused for overlapping other interviews, kept so "Schedule anyway" sends it as it was.
  const [conflict, setConflict] = useState<{ details: InterviewConflictDetails; request: CreateInterviewInput } | null>(null);
  const {
    register,
    control,
    handleSubmit,
    reset,
    setError,
    getValues,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<ScheduleInterviewFormValues, unknown, CreateInterviewInput>({
    resolver,
    defaultValues: emptyForm(),
    // Focus follows the order on screen (see focusFirstError), whatever order the fields registered in.
    shouldFocusError: false,
  });
  // What was typed survives a session that expires mid-form (and the sign-in that follows).
  useFormDraft('schedule-interview', { watch, reset, getValues });
  const flagged = FIELD_ORDER.filter((field) => errors[field]);
  // The picker marks who is busy at the time being typed, before anything is sent.
  const [wallTime, zone, duration] = useWatch({ control, name: ['startTime', 'timeZone', 'durationMinutes'] });
  const instant = wallTime ? zonedWallTimeToInstant(wallTime, zone) : null;
  const minutes = Number(duration);
  const availability = useInterviewerAvailability(instant && Number.isInteger(minutes) && minutes >= 5 && minutes <= 480 ? { startTime: instant, durationMinutes: minutes } : null);
  const busy = new Map((instant ? (availability.data?.busy ?? []) : []).map((entry) => [entry.interviewerId, entry.interviews]));

  function focusFirstError(found: Partial<Record<InterviewField, unknown>>) {
    const first = FIELD_ORDER.find((field) => found[field]);
    if (!first) return;
    const target =
      first === 'interviewerIds'
        ? formRef.current?.querySelector<HTMLElement>('input[name="interviewerIds"]:not(:disabled)')
        : document.getElementById(id(first));
    target?.focus();
  }

  function flag(found: Partial<Record<InterviewField, string>>, type: 'future' | 'server') {
    for (const field of FIELD_ORDER) {
      const message = found[field];
      if (message) setError(field, { type, message });
    }
    focusFirstError(found);
  }

  async function onValid(request: CreateInterviewInput) {
    setFormError(null);
    setScheduled(null);
    // Not a schema rule: "the future" is the browser's clock at submit time; the API checks its own.
    if (new Date(request.startTime).getTime() <= Date.now()) {
      flag({ startTime: 'Choose a time in the future.' }, 'future');
      return;
    }
    await submit(request);
  }

  async function submit(request: CreateInterviewInput) {
    setConflict(null);
    try {
      const { interview } = await createMutation.mutateAsync(request);
      setScheduled(interview);
      // The result shows above the form, likely off-screen: take focus there so it is seen and read.
      resultRef.current?.focus();
      const kept = getValues();
      // The zone is not carried over: the next candidate may well be elsewhere (it starts again at the viewer's).
      // Nor is the panel: ticking the next interviewer must not silently add them to the last one's panel.
      reset({ ...emptyForm(), durationMinutes: kept.durationMinutes });
    } catch (error) {
      const conflictDetails = conflictDetailsOf(error);
      if (conflictDetails) {
        setConflict({ details: conflictDetails, request });
        return;
      }
      const server = error instanceof ApiError ? fieldErrorsFromServer(error) : {};
      if (Object.keys(server).length > 0) flag(server, 'server');
      else setFormError(error);
    }
  }

  function onInvalid(found: FormErrors<ScheduleInterviewFormValues>) {
    setFormError(null);
    setConflict(null);
    setScheduled(null);
    focusFirstError(found);
  }

  const fieldProps = (field: InterviewField, label: string, hint?: string) => ({ id: id(field), label, hint, error: errors[field]?.message });

  // Built per submit, not during render: the handlers read the clock and the form's ref.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (isSubmitting) {
      event.preventDefault();
      return;
    }
    void handleSubmit(onValid, onInvalid)(event);
  }

  return (
    <form ref={formRef} className="form schedule-form" onSubmit={onSubmit} noValidate aria-labelledby={id('title')}>
      <h2 id={id('title')} className="card-title">
        Schedule interview
      </h2>
      <LiveRegion ref={resultRef}>
        {scheduled && (
          <ScheduledInterviewNotice
            interview={scheduled}
            onDismiss={() => {
              setScheduled(null);
              // The dismiss button is gone with the notice: continue at the form's first field.
              document.getElementById(id('candidateName'))?.focus();
            }}
          />
        )}
      </LiveRegion>
      {formError !== null && (
        <Notice tone="error" title="Could not schedule the interview">
          <p>{errorMessage(formError)}</p>
        </Notice>
      )}
      {flagged.length > 0 && (
        <p className="field-error" role="alert">
          Check the {flagged.length === 1 ? 'field' : `${flagged.length} fields`} marked below.
        </p>
      )}
      <div className="form-grid">
        <FormField {...fieldProps('candidateName', 'Candidate name')}>
          {(control) => <input {...control} autoComplete="off" {...register('candidateName')} />}
        </FormField>
        <FormField {...fieldProps('candidateEmail', 'Candidate email')}>
          {(control) => <input {...control} type="email" autoComplete="off" {...register('candidateEmail')} />}
        </FormField>
        <FormField {...fieldProps('position', 'Position')}>{(control) => <input {...control} {...register('position')} />}</FormField>
      </div>
      <Controller
        control={control}
        name="interviewerIds"
        render={({ field }) => (
          <PanelPicker
            idPrefix={id('interviewer')}
            query={interviewers}
            name={field.name}
            value={field.value}
            onChange={field.onChange}
            error={errors.interviewerIds?.message}
            errorId={id('interviewerIds-error')}
            requireInterviewerZoom={schedulingSettings.data?.settings.requireInterviewerZoom ?? false}
            busy={busy}
          />
        )}
      />
      <div className="form-grid">
        <FormField {...fieldProps('startTime', 'Date and time')}>
          {(control) => <input {...control} type="datetime-local" {...register('startTime')} />}
        </FormField>
        <FormField {...fieldProps('timeZone', 'Time zone')}>
          {(fieldControl) => (
            <Controller
              control={control}
              name="timeZone"
              render={({ field }) => <TimeZonePicker control={fieldControl} name={field.name} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />}
            />
          )}
        </FormField>
        <FormField {...fieldProps('durationMinutes', 'Duration (minutes)')}>
          {(control) => <input {...control} type="number" inputMode="numeric" min={5} max={480} step={5} {...register('durationMinutes')} />}
        </FormField>
      </div>
      <FormField {...fieldProps('agenda', 'Agenda (optional)', 'Sent to Zoom as the meeting agenda; the candidate may see it.')}>
        {(control) => <textarea {...control} rows={2} {...register('agenda')} />}
      </FormField>
      <FormField {...fieldProps('notes', 'Internal notes (optional)', 'Only for the hiring team; never sent to Zoom.')}>
        {(control) => <textarea {...control} rows={2} {...register('notes')} />}
      </FormField>
      {conflict && (
        <InterviewConflictNotice
          details={conflict.details}
          confirmLabel="Schedule anyway"
          busy={createMutation.isPending}
          onConfirm={() => void submit({ ...conflict.request, allowConflict: true })}
          onCancel={() => {
            setConflict(null);
            document.getElementById(id('startTime'))?.focus();
          }}
        />
      )}
      {/* aria-disabled, not disabled, while sending: a disabled button drops keyboard focus to <body>. */}
      <button type="submit" className="button button-primary" aria-disabled={isSubmitting || undefined}>
        {isSubmitting ? 'Scheduling…' : 'Schedule interview'}
      </button>
    </form>
  );
}
