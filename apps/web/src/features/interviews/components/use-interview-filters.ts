import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { InterviewListQuery } from '@crm/shared/interviews';
import { MEETING_STATUSES, HOST_SOURCES } from '@crm/shared/interviews';
import { writeSearchParam } from '../../../lib/write-search-param';
import { activeFilters, type InterviewFilters } from '../api/interview-filters';

/** URL parameter of each filter: short names, so a shared link stays readable. */
const PARAMS = {
  q: 'q',
  interviewerId: 'interviewer',
  recruiterId: 'recruiter',
  meetingStatus: 'meeting',
  hostSource: 'host',
  from: 'from',
  to: 'to',
  mine: 'mine',
  includeCancelled: 'cancelled',
} as const satisfies Record<keyof InterviewFilters, string>;

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** A date input's day as the start of that day in the viewer's zone, as the API's ISO instant. */
function dayStart(value: string | null): string | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const at = new Date(`${value}T00:00:00`);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

function dayAfter(value: string | null): string | undefined {
  const start = dayStart(value);
  return start ? new Date(new Date(start).getTime() + 24 * 60 * 60 * 1000).toISOString() : undefined;
}

export interface InterviewFilterView {
  /** What the inputs show (dates as yyyy-mm-dd). */
  values: Record<keyof typeof PARAMS, string>;
  /** What the API is asked. */
  filters: InterviewFilters;
  set: (name: keyof typeof PARAMS, value: string) => void;
  clear: () => void;
}

/**
 * The dashboard's filters live in the URL (?q=…&meeting=failed&mine=true…), so a view can be shared
 * or bookmarked and Back undoes a change. Unknown or malformed values are ignored, not sent.
 */
export function useInterviewFilters(): InterviewFilterView {
  const [params, setParams] = useSearchParams();
  return useMemo(() => {
    const read = (name: keyof typeof PARAMS) => params.get(PARAMS[name]) ?? '';
    const values = Object.fromEntries(Object.keys(PARAMS).map((name) => [name, read(name as keyof typeof PARAMS)])) as InterviewFilterView['values'];
    const filters: InterviewFilters = activeFilters({
      q: values.q.trim().slice(0, 100) || undefined,
      interviewerId: values.interviewerId || undefined,
      recruiterId: values.recruiterId || undefined,
      meetingStatus: oneOf(params.get(PARAMS.meetingStatus), MEETING_STATUSES),
      hostSource: oneOf(params.get(PARAMS.hostSource), HOST_SOURCES),
      from: dayStart(params.get(PARAMS.from)),
      to: dayAfter(params.get(PARAMS.to)),
      mine: oneOf(params.get(PARAMS.mine), ['true'] as const),
      includeCancelled: oneOf(params.get(PARAMS.includeCancelled), ['true'] as const),
    } satisfies InterviewListQuery);
    return {
      values,
      filters,
      set: (name, value) => writeSearchParam(setParams, PARAMS[name], value === '' || value === 'false' ? null : value, { replace: name === 'q' }),
      clear: () => {
        setParams((current) => {
          const next = new URLSearchParams(current);
          for (const param of Object.values(PARAMS)) next.delete(param);
          return next;
        });
      },
    };
  }, [params, setParams]);
}
