import { useId, useMemo, useState, type FormEvent } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { Interview, InterviewConflictDetails, UpdateInterviewRequest } from '@crm/shared/interviews';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { FormField } from '../../../components/form-field';
import { Notice } from '../../../components/notice';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format-date-time';
import { resolverWithFieldMessages } from '../../../lib/resolver-with-field-messages';
import { instantToZonedWallTime } from '../../../lib/zoned-time';
import { useRescheduleInterviewMutation } from '../api/use-reschedule-interview-mutation';
import { conflictDetailsOf, InterviewConflictNotice } from './interview-conflict-notice';
import { withRuleMessages } from './interview-field-errors';
import { formatInZone, zoneDiffers } from './interview-time';
import { TimeZonePicker } from './time-zone-picker';
import { rescheduleFormSchema, type RescheduleFormValues } from './reschedule-interview-form-schema';
import { useQuery } from '@tanstack/react-query';
import { interviewersQueryOptions } from '../api/get-interviewers';
import { panelOf } from './interview-panel';
import { PanelPicker } from './panel-picker';

const MESSAGES = {
  startTime: 'Choose the new date and time.',
  timeZone: 'Choose a time zone from the list.',
  durationMinutes: 'Enter a duration between 5 and 480 minutes.',
  interviewerIds: 'Keep at least one interviewer on the panel.',
};

type Change = Required<Pick<UpdateInterviewRequest, 'startTime' | 'durationMinutes'>> & Pick<UpdateInterviewRequest, 'timeZone' | 'interviewerIds'>;

/** A new time (in the interview's own time zone) or panel for one interview, confirmed before it is sent. */
export function RescheduleInterviewForm({ interview, onDone }: { interview: Interview; onDone: (rescheduled?: Interview) => void }) {
  const uid = useId();
  const currentPanel = useMemo(() => panelOf(interview).map((member) => member.id), [interview]);
  const resolver = useMemo(() => withRuleMessages(resolverWithFieldMessages(zodResolver(rescheduleFormSchema(currentPanel)), MESSAGES)), [currentPanel]);
  // The panel is changed on request only: most reschedules are moves, and the list is read only then.
  const [editingPanel, setEditingPanel] = useState(false);
  const interviewers = useQuery({ ...interviewersQueryOptions(), enabled: editingPanel });
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<RescheduleFormValues, unknown, UpdateInterviewRequest>({
    resolver,
    defaultValues: {
      startTime: instantToZonedWallTime(interview.startTime, interview.timeZone),
      timeZone: interview.timeZone,
      durationMinutes: String(interview.durationMinutes),
      interviewerIds: currentPanel,
    },
  });
  const chosenZone = useWatch({ control, name: 'timeZone' });
  const reschedule = useRescheduleInterviewMutation(interview.id);
  const [confirming, setConfirming] = useState<Change | null>(null);
  const [conflict, setConflict] = useState<{ details: InterviewConflictDetails; change: Change } | null>(null);

  function onValid(change: UpdateInterviewRequest) {
    reschedule.reset();
    const { startTime = interview.startTime, durationMinutes = interview.durationMinutes, timeZone = interview.timeZone, interviewerIds } = change;
    // Not a schema rule: "the future" is the browser's clock at submit time; the API checks its own.
    if (new Date(startTime).getTime() <= Date.now()) {
      setError('startTime', { type: 'future', message: 'Choose a time in the future.' }, { shouldFocus: true });
      return;
    }
    // The zone (and the panel) are sent only when they changed, so a plain move stays a move.
    setConfirming({ startTime, durationMinutes, ...(timeZone === interview.timeZone ? {} : { timeZone }), ...(interviewerIds ? { interviewerIds } : {}) });
  }

  async function send(change: Change, allowConflict: boolean) {
    setConflict(null);
    try {
      const { interview: rescheduled } = await reschedule.mutateAsync(allowConflict ? { ...change, allowConflict } : change);
      onDone(rescheduled);
    } catch (error) {
      // A conflict is asked about below; anything else is shown from the mutation's error.
      const details = conflictDetailsOf(error);
      if (details) setConflict({ details, change });
      setConfirming(null);
    }
  }

  async function onConfirm() {
    if (confirming) await send(confirming, false);
  }

  // Built per submit, not during render: the handler reads the clock.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    void handleSubmit(onValid)(event);
  }

  return (
    <form className="form reschedule-form" onSubmit={onSubmit} noValidate aria-label={`Reschedule ${interview.candidateName}`}>
      <div className="form-grid">
        <FormField id={`${uid}-start`} label={`New date and time (${chosenZone})`} error={errors.startTime?.message} announce>
          {(fieldControl) => <input {...fieldControl} type="datetime-local" {...register('startTime')} />}
        </FormField>
        <FormField id={`${uid}-zone`} label="Time zone" error={errors.timeZone?.message} announce>
          {(fieldControl) => (
            <Controller
              control={control}
              name="timeZone"
              render={({ field }) => <TimeZonePicker control={fieldControl} name={field.name} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />}
            />
          )}
        </FormField>
        <FormField id={`${uid}-duration`} label="Duration (minutes)" error={errors.durationMinutes?.message} announce>
          {(fieldControl) => <input {...fieldControl} type="number" min={5} max={480} step={5} {...register('durationMinutes')} />}
        </FormField>
      </div>
      {editingPanel ? (
        <Controller
          control={control}
          name="interviewerIds"
          render={({ field }) => (
            <PanelPicker idPrefix={`${uid}-panel`} query={interviewers} name={field.name} value={field.value} onChange={field.onChange} error={errors.interviewerIds?.message} errorId={`${uid}-panel-error`} />
          )}
        />
      ) : (
        <p className="hint">
          {panelOf(interview).length > 1 ? 'Panel' : 'Interviewer'}: {panelOf(interview).map((member) => member.name).join(', ')}{' '}
          <button type="button" className="button button-secondary button-small" onClick={() => setEditingPanel(true)}>
            Change panel
          </button>
        </p>
      )}
      {conflict && (
        <InterviewConflictNotice
          details={conflict.details}
          confirmLabel="Reschedule anyway"
          busy={reschedule.isPending}
          onConfirm={() => void send(conflict.change, true)}
          onCancel={() => setConflict(null)}
        />
      )}
      {reschedule.isError && !conflict && !conflictDetailsOf(reschedule.error) && (
        <Notice tone="error" title="Could not reschedule">
          <p>{errorMessage(reschedule.error)}</p>
        </Notice>
      )}
      <div className="button-row">
        <button type="submit" className="button button-primary button-small">
          Save new time
        </button>
        <button type="button" className="button button-secondary button-small" onClick={() => onDone()}>
          Keep current time
        </button>
      </div>
      {confirming && (
        <ConfirmDialog
          title={`Reschedule ${interview.candidateName}?`}
          confirmLabel="Reschedule"
          busy={reschedule.isPending}
          onConfirm={onConfirm}
          onCancel={() => setConfirming(null)}
        >
          <p>
            Move it from {formatDateTime(interview.startTime)} to {formatDateTime(confirming.startTime)} ({confirming.durationMinutes}{' '}
            min{zoneDiffers(confirming.startTime, confirming.timeZone ?? interview.timeZone) ? `; ${formatInZone(confirming.startTime, confirming.timeZone ?? interview.timeZone)} in ${confirming.timeZone ?? interview.timeZone}` : ''}).
            {confirming.interviewerIds
              ? ` The panel becomes ${confirming.interviewerIds.map((id) => interviewers.data?.interviewers.find((option) => option.id === id)?.name ?? id).join(', ')}; if its host changes, the meeting moves to the new host's Zoom with a new join link.`
              : ' The Zoom meeting keeps its links.'}
          </p>
        </ConfirmDialog>
      )}
    </form>
  );
}
