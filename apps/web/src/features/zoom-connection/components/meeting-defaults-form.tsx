import { useId, type FormEvent } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { AUTO_RECORDING_OPTIONS, meetingDefaultsSchema, type MeetingDefaults, type MeetingDefaultsResponse } from '@crm/shared/interviews';
import { ErrorState } from '../../../components/error-state';
import { LiveRegion } from '../../../components/live-region';
import { LoadingState } from '../../../components/loading-state';
import { Notice } from '../../../components/notice';
import { errorMessage } from '../../../lib/api-client';
import { useMeetingDefaults } from '../api/get-meeting-defaults';
import { useZoomStatus } from '../api/get-zoom-status';
import { useSaveMeetingDefaultsMutation } from '../api/use-save-meeting-defaults-mutation';

const RECORDING_LABEL: Record<MeetingDefaults['autoRecording'], string> = {
  none: 'Off',
  local: 'On this computer',
  cloud: 'In the Zoom cloud',
};

const SWITCHES: { key: 'waitingRoom' | 'joinBeforeHost' | 'muteUponEntry'; label: string; hint: string }[] = [
  { key: 'waitingRoom', label: 'Waiting room', hint: 'Candidates wait until you let them in.' },
  { key: 'joinBeforeHost', label: 'Join before host', hint: 'Candidates can enter before you start the meeting.' },
  { key: 'muteUponEntry', label: 'Mute on entry', hint: 'Everyone joins muted.' },
];

const resolver = zodResolver(meetingDefaultsSchema);

/** The user's own Zoom meeting settings, applied to meetings hosted on their connected account. */
export function MeetingDefaultsForm() {
  const titleId = useId();
  const query = useMeetingDefaults();
  const zoom = useZoomStatus();

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card-title">
        Meeting defaults
      </h2>
      <p className="muted">Applied to interviews hosted on your own Zoom account.</p>
      {query.isFetching && !query.data && <LoadingState label="Loading your meeting defaults…" />}
      {query.isError && !query.isFetching && !query.data && (
        <ErrorState title="Could not load your meeting defaults" error={query.error} onRetry={() => void query.refetch()} />
      )}
      {/* Mounted once the defaults are known, so the inputs start from them and a refetch never overwrites edits. */}
      {query.data && <MeetingDefaultsFields titleId={titleId} loaded={query.data} connected={zoom.data?.state === 'connected'} />}
    </section>
  );
}

function MeetingDefaultsFields({ titleId, loaded, connected }: { titleId: string; loaded: MeetingDefaultsResponse; connected: boolean }) {
  const recordingId = useId();
  const save = useSaveMeetingDefaultsMutation();
  const { register, handleSubmit, reset } = useForm<MeetingDefaults>({ resolver, defaultValues: loaded.defaults });

  function onValid(defaults: MeetingDefaults) {
    save.mutate(defaults, { onSuccess: (saved) => reset(saved.defaults) });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (save.isPending) {
      event.preventDefault();
      return;
    }
    void handleSubmit(onValid)(event);
  }

  return (
    <form className="form" onSubmit={onSubmit} aria-labelledby={titleId}>
      {!connected && (
        <p id={`${titleId}-why-disabled`} className="muted">
          Connect Zoom above to change these: they only apply to meetings hosted on your own Zoom account.
        </p>
      )}
      {/* Disabled as a whole while nothing would use them; the sentence above says why. */}
      <fieldset className="plain-fieldset" disabled={!connected} aria-describedby={connected ? undefined : `${titleId}-why-disabled`}>
        <legend className="sr-only">Meeting defaults</legend>
        {loaded.usingOrganisationDefaults && <p className="muted">You are using the organisation's defaults until you save your own.</p>}
        {SWITCHES.map((item) => (
          <div className="check-field" key={item.key}>
            <input id={`${titleId}-${item.key}`} type="checkbox" {...register(item.key)} aria-describedby={`${titleId}-${item.key}-hint`} />
            <label htmlFor={`${titleId}-${item.key}`}>{item.label}</label>
            <span id={`${titleId}-${item.key}-hint`} className="hint">
              {item.hint}
            </span>
          </div>
        ))}
        <div className="field">
          <label htmlFor={recordingId}>Automatic recording</label>
          <select id={recordingId} {...register('autoRecording')}>
            {AUTO_RECORDING_OPTIONS.map((option) => (
              <option key={option} value={option}>
                {RECORDING_LABEL[option]}
              </option>
            ))}
          </select>
        </div>
        <LiveRegion>
          {save.isSuccess && (
            <Notice tone="success" announce={false}>
              <p>Meeting defaults saved.</p>
            </Notice>
          )}
        </LiveRegion>
        {save.isError && (
          <Notice tone="error" title="Could not save meeting defaults">
            <p>{errorMessage(save.error)}</p>
          </Notice>
        )}
        {/* aria-disabled, not disabled, while saving: a disabled button drops keyboard focus to <body>. */}
        <button type="submit" className="button button-primary" aria-disabled={save.isPending || undefined}>
          {save.isPending ? 'Saving…' : 'Save meeting defaults'}
        </button>
      </fieldset>
    </form>
  );
}
