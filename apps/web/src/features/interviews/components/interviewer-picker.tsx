import type { UseQueryResult } from '@tanstack/react-query';
import type { UseFormRegisterReturn } from 'react-hook-form';
import type { InterviewerListResponse, InterviewerOption } from '@crm/shared/interviews';
import { EmptyState } from '../../../components/empty-state';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { StatusPill } from '../../../components/status-pill';

function hostHint(option: InterviewerOption, requireInterviewerZoom: boolean): string {
  if (requireInterviewerZoom && option.zoomConnectionState !== 'connected') {
    return 'Cannot be scheduled until they connect Zoom: your organisation requires interviewers to host on their own Zoom';
  }
  if (option.expectedHostSource === 'interviewer') return `Hosts on their own Zoom${option.zoomEmail ? ` (${option.zoomEmail})` : ''}`;
  if (option.zoomConnectionState === 'needs_reconnect') return 'System account will host: their Zoom connection needs reconnecting';
  return 'System account will host: Zoom not connected';
}

/** Radios rather than a select, so each interviewer's Zoom state is readable before choosing. */
export function InterviewerPicker({
  idPrefix,
  query,
  field,
  error,
  errorId,
  requireInterviewerZoom = false,
  busy = new Map(),
}: {
  idPrefix: string;
  query: UseQueryResult<InterviewerListResponse>;
  /** The form's registration of the interviewer id: one radio per interviewer. */
  field: UseFormRegisterReturn;
  error?: string;
  errorId: string;
  /** The organisation's policy: unconnected interviewers cannot be scheduled, said before submit. */
  requireInterviewerZoom?: boolean;
  /** Interviewers with other interviews at the chosen time, and how many. */
  busy?: ReadonlyMap<string, number>;
}) {
  return (
    <fieldset className="field picker" aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined}>
      <legend>Interviewer</legend>
      {/* Holds about the height of the list it waits for, so the fields below do not jump when it arrives. */}
      {query.isFetching && !query.data && (
        <div className="picker-loading">
          <LoadingState label="Loading interviewers…" />
        </div>
      )}
      {query.isError && !query.isFetching && <ErrorState title="Could not load interviewers" error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && query.data.interviewers.length === 0 && <EmptyState>There are no interviewers yet.</EmptyState>}
      {query.data?.interviewers.map((option) => {
        const id = `${idPrefix}-${option.id}`;
        const connected = option.zoomConnectionState === 'connected';
        return (
          <div key={option.id} className="picker-option">
            <input type="radio" id={id} value={option.id} {...field} aria-describedby={`${id}-hint`} />
            <label htmlFor={id}>
              <span className="cell-strong">{option.name}</span>{' '}
              <StatusPill tone={connected ? 'success' : option.zoomConnectionState === 'needs_reconnect' ? 'warning' : 'neutral'}>
                {connected ? 'Zoom connected' : option.zoomConnectionState === 'needs_reconnect' ? 'Zoom needs reconnect' : 'Zoom not connected'}
              </StatusPill>
              {busy.has(option.id) && <StatusPill tone="warning">Busy then</StatusPill>}
              <span id={`${id}-hint`} className="hint">
                {busy.has(option.id) && `Has ${busy.get(option.id) === 1 ? 'another interview' : `${busy.get(option.id)} other interviews`} at the chosen time. `}
                {hostHint(option, requireInterviewerZoom)}
              </span>
            </label>
          </div>
        );
      })}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
