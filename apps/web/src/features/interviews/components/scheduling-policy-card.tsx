import { useId } from 'react';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { Notice } from '../../../components/notice';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format-date-time';
import { useSaveSchedulingSettingsMutation, useSchedulingSettings } from '../api/scheduling-settings';

/** The design note's Phase 3 switch, for admins: interviewers must host on their own Zoom. */
export function SchedulingPolicyCard() {
  const uid = useId();
  const settings = useSchedulingSettings();
  const save = useSaveSchedulingSettingsMutation();
  const titleId = `${uid}-title`;
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card-title">
        Scheduling policy
      </h2>
      {settings.isPending && <LoadingState label="Loading the policy…" />}
      {settings.isError && <ErrorState title="Could not load the policy" error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data && (
        <div className="field">
          <div className="picker-option">
            <input
              type="checkbox"
              id={`${uid}-require`}
              checked={settings.data.settings.requireInterviewerZoom}
              aria-describedby={`${uid}-hint`}
              onChange={(event) => save.mutate({ requireInterviewerZoom: event.target.checked })}
            />
            <label htmlFor={`${uid}-require`}>
              <span className="cell-strong">Require interviewers' own Zoom</span>
              <span id={`${uid}-hint`} className="hint">
                New interviews can only be scheduled with interviewers who connected Zoom; nothing falls back to the organisation's
                account. Interviews already scheduled are not changed.
                {settings.data.updatedAt && ` Last changed ${formatDateTime(settings.data.updatedAt)}.`}
              </span>
            </label>
          </div>
        </div>
      )}
      {save.isError && (
        <Notice tone="error" title="Could not change the policy">
          <p>{errorMessage(save.error)}</p>
        </Notice>
      )}
    </section>
  );
}
