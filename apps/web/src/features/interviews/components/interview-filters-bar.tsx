import { useEffect, useId, useState } from 'react';
import { ChoiceFilter } from '../../../components/choice-filter';
import type { InterviewFilterView } from './use-interview-filters';

const MEETING_STATE_LABELS = { scheduled: 'Scheduled', pending: 'Pending', failed: 'Failed', cancelled: 'Cancelled' } as const;
const HOST_LABELS = { interviewer: "Interviewer's Zoom", system: "Organisation's Zoom" } as const;

/** Typing settles before the URL (and the API) is asked. */
const SEARCH_SETTLE_MS = 300;

/**
 * The dashboard's list filters. Each change goes to the URL (see use-interview-filters.ts), which the
 * lists read: the API does the searching, whatever the size of the organisation.
 */
export function InterviewFiltersBar({ view, canScheduleOwn }: { view: InterviewFilterView; canScheduleOwn: boolean }) {
  const id = useId();
  const { set } = view;
  const inUrl = view.values.q;
  // What is typed, and the URL value it was typed over: when a shared link or Back changes the URL, the box follows it.
  const [draft, setDraft] = useState({ over: inUrl, text: inUrl });
  const typed = draft.over === inUrl ? draft.text : inUrl;
  const setTyped = (text: string) => setDraft({ over: inUrl, text });
  useEffect(() => {
    if (typed === inUrl) return;
    const timer = setTimeout(() => set('q', typed), SEARCH_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [typed, inUrl, set]);

  return (
    <section className="card interview-filters" aria-label="Filter interviews">
      <form role="search" aria-label="Interviews" className="filter-row" onSubmit={(event) => {
        event.preventDefault();
        set('q', typed);
      }}>
        <div className="filter-field">
          <label htmlFor={`${id}-q`}>Candidate</label>
          <input id={`${id}-q`} type="search" value={typed} maxLength={100} placeholder="Name or email" autoComplete="off" onChange={(event) => setTyped(event.target.value)} />
        </div>
        <ChoiceFilter className="filter-field" id={`${id}-meeting`} label="Meeting" anyLabel="Any state" value={view.values.meetingStatus} choices={Object.entries(MEETING_STATE_LABELS)} onChange={(value) => set('meetingStatus', value)} />
        <ChoiceFilter className="filter-field" id={`${id}-host`} label="Hosted on" anyLabel="Any account" value={view.values.hostSource} choices={Object.entries(HOST_LABELS)} onChange={(value) => set('hostSource', value)} />
        <div className="filter-field">
          <label htmlFor={`${id}-from`}>From</label>
          <input id={`${id}-from`} type="date" value={view.values.from} onChange={(event) => set('from', event.target.value)} />
        </div>
        <div className="filter-field">
          <label htmlFor={`${id}-to`}>To</label>
          <input id={`${id}-to`} type="date" value={view.values.to} onChange={(event) => set('to', event.target.value)} />
        </div>
        {canScheduleOwn && (
          <div className="filter-check">
            <input id={`${id}-mine`} type="checkbox" checked={view.values.mine === 'true'} onChange={(event) => set('mine', String(event.target.checked))} />
            <label htmlFor={`${id}-mine`}>Only ones I scheduled</label>
          </div>
        )}
        <div className="filter-check">
          <input id={`${id}-cancelled`} type="checkbox" checked={view.values.includeCancelled === 'true'} onChange={(event) => set('includeCancelled', String(event.target.checked))} />
          <label htmlFor={`${id}-cancelled`}>Show cancelled</label>
        </div>
        <button type="button" className="button button-secondary button-small" onClick={() => {
          setTyped('');
          view.clear();
        }}>
          Clear filters
        </button>
      </form>
    </section>
  );
}
