import { useEffect, useRef } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { MAX_PANEL_SIZE, type InterviewerListResponse, type InterviewerOption } from '@crm/shared/interviews';
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

type Move = 'up' | 'down' | 'remove';

/**
 * The interview panel: a checkbox per interviewer (each one's Zoom state and busy hint readable before
 * choosing), and the chosen ones in order, reordered with buttons. The first with Zoom connected hosts;
 * focus stays on the moved member's button, so the keyboard can keep moving them.
 */
export function PanelPicker({
  idPrefix,
  query,
  value,
  onChange,
  name,
  error,
  errorId,
  requireInterviewerZoom = false,
  busy = new Map(),
}: {
  idPrefix: string;
  query: UseQueryResult<InterviewerListResponse>;
  /** The panel's interviewer ids, in order. */
  value: readonly string[];
  onChange: (next: string[]) => void;
  /** The form field's name, on every checkbox (focusing the first on an error finds it). */
  name: string;
  error?: string;
  errorId: string;
  /** The organisation's policy: unconnected interviewers cannot be scheduled, said before submit. */
  requireInterviewerZoom?: boolean;
  /** Interviewers with other interviews at the chosen time, and how many. */
  busy?: ReadonlyMap<string, number>;
}) {
  const options = query.data?.interviewers ?? [];
  const byId = new Map(options.map((option) => [option.id, option]));
  const expectedHost = value.find((id) => byId.get(id)?.expectedHostSource === 'interviewer') ?? null;
  const buttons = useRef(new Map<string, HTMLButtonElement | null>());
  // Set by a move, acted on once the new order is on screen.
  const focusAfterMove = useRef<{ id: string; move: Move } | null>(null);

  useEffect(() => {
    if (!focusAfterMove.current) return;
    const { id, move } = focusAfterMove.current;
    focusAfterMove.current = null;
    const index = value.indexOf(id);
    // At the top (bottom) its "up" ("down") is disabled: the other direction takes focus; after a removal, its checkbox.
    const target =
      move === 'remove'
        ? document.getElementById(`${idPrefix}-${id}`)
        : (buttons.current.get(`${id}:${move === 'up' && index === 0 ? 'down' : move === 'down' && index === value.length - 1 ? 'up' : move}`) ?? null);
    target?.focus();
  }, [value, idPrefix]);

  function toggle(id: string, checked: boolean) {
    onChange(checked ? [...value.filter((member) => member !== id), id] : value.filter((member) => member !== id));
  }

  function move(id: string, how: Move) {
    const index = value.indexOf(id);
    const next = [...value];
    if (how === 'remove') next.splice(index, 1);
    else {
      const to = how === 'up' ? index - 1 : index + 1;
      if (to < 0 || to >= next.length) return;
      [next[index], next[to]] = [next[to]!, next[index]!];
    }
    focusAfterMove.current = { id, move: how };
    onChange(next);
  }

  const full = value.length >= MAX_PANEL_SIZE;
  return (
    <fieldset className="field picker" aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : `${idPrefix}-about`}>
      <legend>Interviewer</legend>
      <p id={`${idPrefix}-about`} className="hint">
        Choose one or more (a panel, up to {MAX_PANEL_SIZE}). The first in the panel order with Zoom connected hosts; the others can start it as alternative hosts when they are on the same Zoom account.
      </p>
      {/* Holds about the height of the list it waits for, so the fields below do not jump when it arrives. */}
      {query.isFetching && !query.data && (
        <div className="picker-loading">
          <LoadingState label="Loading interviewers…" />
        </div>
      )}
      {query.isError && !query.isFetching && <ErrorState title="Could not load interviewers" error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && options.length === 0 && <EmptyState>There are no interviewers yet.</EmptyState>}
      {options.map((option) => {
        const id = `${idPrefix}-${option.id}`;
        const connected = option.zoomConnectionState === 'connected';
        const chosen = value.includes(option.id);
        return (
          <div key={option.id} className="picker-option">
            <input
              type="checkbox"
              id={id}
              name={name}
              value={option.id}
              checked={chosen}
              disabled={!chosen && full}
              onChange={(event) => toggle(option.id, event.target.checked)}
              aria-describedby={`${id}-hint`}
            />
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
      {value.length > 1 && (
        <div className="panel-order">
          <p id={`${idPrefix}-order`} className="panel-order-title">
            Panel order
          </p>
          <ol aria-labelledby={`${idPrefix}-order`}>
            {value.map((memberId, index) => {
              const member = byId.get(memberId);
              const label = member?.name ?? 'Unknown interviewer';
              return (
                <li key={memberId} className="panel-order-item">
                  <span>
                    {label}
                    {memberId === expectedHost && (
                      <>
                        {' '}
                        <StatusPill tone="success">Expected host</StatusPill>
                      </>
                    )}
                  </span>
                  <span className="button-row">
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      ref={(element) => void buttons.current.set(`${memberId}:up`, element)}
                      aria-label={`Move ${label} up`}
                      disabled={index === 0}
                      onClick={() => move(memberId, 'up')}
                    >
                      Up
                    </button>
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      ref={(element) => void buttons.current.set(`${memberId}:down`, element)}
                      aria-label={`Move ${label} down`}
                      disabled={index === value.length - 1}
                      onClick={() => move(memberId, 'down')}
                    >
                      Down
                    </button>
                    <button type="button" className="button button-secondary button-small" aria-label={`Remove ${label} from the panel`} onClick={() => move(memberId, 'remove')}>
                      Remove
                    </button>
                  </span>
                </li>
              );
            })}
          </ol>
        </div>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
