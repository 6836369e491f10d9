import { useEffect, useId, useState, type FormEvent } from 'react';
import { AUTO_RECORDING_OPTIONS, type MeetingDefaults } from '@crm/shared/interviews';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { Notice } from '../../../components/notice';
import { useApiQuery } from '../../../hooks/use-api-query';
import { errorMessage } from '../../../lib/api-client';
import { fetchMeetingDefaults, saveMeetingDefaults } from '../api/meeting-defaults-api';

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

/** The user's own Zoom meeting settings, applied to meetings hosted on their connected account. */
export function MeetingDefaultsForm() {
  const titleId = useId();
  const recordingId = useId();
  const query = useApiQuery(fetchMeetingDefaults, 'meeting-defaults');
  const [draft, setDraft] = useState<MeetingDefaults | null>(null);
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<{ ok: true } | { ok: false; error: unknown } | null>(null);

  useEffect(() => {
    if (query.status === 'success') setDraft(query.data.defaults);
  }, [query.status, query.data]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!draft) return;
    setSaving(true);
    setResult(null);
    try {
      query.setData(await saveMeetingDefaults(draft));
      setResult({ ok: true });
    } catch (error) {
      setResult({ ok: false, error });
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card-title">
        Meeting defaults
      </h2>
      <p className="muted">Applied to interviews hosted on your own Zoom account.</p>
      {query.status === 'loading' && !draft && <LoadingState label="Loading your meeting defaults…" />}
      {query.status === 'error' && !draft && (
        <ErrorState title="Could not load your meeting defaults" error={query.error} onRetry={query.reload} />
      )}
      {draft && (
        <form className="form" onSubmit={onSubmit} aria-labelledby={titleId}>
          {query.data?.usingOrganisationDefaults && (
            <p className="muted">You are using the organisation's defaults until you save your own.</p>
          )}
          {SWITCHES.map((item) => (
            <div className="check-field" key={item.key}>
              <input
                id={`${titleId}-${item.key}`}
                type="checkbox"
                checked={draft[item.key]}
                onChange={(event) => setDraft({ ...draft, [item.key]: event.target.checked })}
                aria-describedby={`${titleId}-${item.key}-hint`}
              />
              <label htmlFor={`${titleId}-${item.key}`}>{item.label}</label>
              <span id={`${titleId}-${item.key}-hint`} className="hint">
                {item.hint}
              </span>
            </div>
          ))}
          <div className="field">
            <label htmlFor={recordingId}>Automatic recording</label>
            <select
              id={recordingId}
              value={draft.autoRecording}
              onChange={(event) => setDraft({ ...draft, autoRecording: event.target.value as MeetingDefaults['autoRecording'] })}
            >
              {AUTO_RECORDING_OPTIONS.map((option) => (
                <option key={option} value={option}>
                  {RECORDING_LABEL[option]}
                </option>
              ))}
            </select>
          </div>
          {result?.ok === true && (
            <Notice tone="success">
              <p>Meeting defaults saved.</p>
            </Notice>
          )}
          {result?.ok === false && (
            <Notice tone="error" title="Could not save meeting defaults">
              <p>{errorMessage(result.error)}</p>
            </Notice>
          )}
          <button type="submit" className="button button-primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save meeting defaults'}
          </button>
        </form>
      )}
    </section>
  );
}
