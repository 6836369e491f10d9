import { useId, type FormEvent } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { recordingSettingsSchema, type RecordingSettings } from '@crm/shared/recordings';
import { ErrorState } from '../../../components/error-state';
import { LiveRegion } from '../../../components/live-region';
import { LoadingState } from '../../../components/loading-state';
import { Notice } from '../../../components/notice';
import { errorMessage } from '../../../lib/api-client';
import { useRecordingSettings, useSaveRecordingSettingsMutation } from '../api/recording-settings';

const resolver = zodResolver(recordingSettingsSchema);

/** How long the CRM keeps its copy of interview transcripts (Zoom keeps its own recordings by its own rules). */
export function RecordingSettingsForm() {
  const titleId = useId();
  const query = useRecordingSettings();
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card-title">
        Recordings
      </h2>
      {query.isFetching && !query.data && <LoadingState label="Loading recording settings…" />}
      {query.isError && !query.isFetching && !query.data && (
        <ErrorState title="Could not load recording settings" error={query.error} onRetry={() => void query.refetch()} />
      )}
      {query.data && <RetentionFields titleId={titleId} loaded={query.data} />}
    </section>
  );
}

function RetentionFields({ titleId, loaded }: { titleId: string; loaded: RecordingSettings }) {
  const fieldId = useId();
  const save = useSaveRecordingSettingsMutation();
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<RecordingSettings>({ resolver, defaultValues: loaded });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (save.isPending) {
      event.preventDefault();
      return;
    }
    void handleSubmit((settings) => save.mutate(settings, { onSuccess: (saved) => reset(saved) }))(event);
  }

  return (
    <form className="form" onSubmit={onSubmit} aria-labelledby={titleId} noValidate>
      <div className="field">
        <label htmlFor={fieldId}>Keep transcripts for (days)</label>
        <input
          id={fieldId}
          type="number"
          min={1}
          max={3650}
          {...register('transcriptRetentionDays', { valueAsNumber: true })}
          aria-invalid={errors.transcriptRetentionDays ? true : undefined}
          aria-describedby={`${fieldId}-hint${errors.transcriptRetentionDays ? ` ${fieldId}-error` : ''}`}
        />
        <span id={`${fieldId}-hint`} className="hint">
          After this, the CRM deletes its copy of each transcript. Recording links stay.
        </span>
        {errors.transcriptRetentionDays && (
          <p id={`${fieldId}-error`} className="field-error" role="alert">
            Enter a whole number of days from 1 to 3650.
          </p>
        )}
      </div>
      <LiveRegion>
        {save.isSuccess && (
          <Notice tone="success" announce={false}>
            <p>Recording settings saved.</p>
          </Notice>
        )}
      </LiveRegion>
      {save.isError && (
        <Notice tone="error" title="Could not save recording settings">
          <p>{errorMessage(save.error)}</p>
        </Notice>
      )}
      <button type="submit" className="button button-primary" aria-disabled={save.isPending || undefined}>
        {save.isPending ? 'Saving…' : 'Save recording settings'}
      </button>
    </form>
  );
}
