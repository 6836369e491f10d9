import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ZOOM_CONNECTION_STATES, type ZoomConnectionState } from '@crm/shared/zoom-connection';
import { writeSearchParam } from '../../../lib/write-search-param';
import type { ZoomConnectionFilters } from '../api/get-zoom-connections';

/** URL parameters of the connections table's filters, so a filtered view can be shared and Back undoes a change. */
const PARAMS = { q: 'q', state: 'state' } as const;

export interface ConnectionFilterView {
  /** What the inputs show. */
  values: { q: string; state: ZoomConnectionState | 'all' };
  /** What the API is asked. */
  filters: ZoomConnectionFilters;
  set: (name: keyof typeof PARAMS, value: string) => void;
}

/** The connections table's filters live in the URL (?q=…&state=…); unknown or malformed values are ignored, not sent. */
export function useConnectionFilters(): ConnectionFilterView {
  const [params, setParams] = useSearchParams();
  return useMemo(() => {
    const q = params.get(PARAMS.q) ?? '';
    const rawState = params.get(PARAMS.state);
    const state = rawState !== null && (ZOOM_CONNECTION_STATES as readonly string[]).includes(rawState) ? (rawState as ZoomConnectionState) : undefined;
    const trimmed = q.trim().slice(0, 100);
    return {
      values: { q, state: state ?? 'all' },
      filters: { ...(trimmed ? { q: trimmed } : {}), ...(state ? { state } : {}) },
      // Typing replaces the entry; a state change is one Back can undo.
      set: (name, value) => writeSearchParam(setParams, PARAMS[name], value === '' || value === 'all' ? null : value, { replace: name === 'q' }),
    };
  }, [params, setParams]);
}
