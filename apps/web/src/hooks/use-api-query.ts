import { useCallback, useEffect, useRef, useState } from 'react';

export type QueryState<T> =
  | { status: 'loading'; data: T | undefined; error: undefined }
  | { status: 'error'; data: T | undefined; error: unknown }
  | { status: 'success'; data: T; error: undefined };

/**
 * Loads data on mount and whenever `key` changes; a reload keeps the previous data on screen.
 * Responses that arrive after a newer request started are dropped.
 */
export function useApiQuery<T>(load: (signal: AbortSignal) => Promise<T>, key: string) {
  const [state, setState] = useState<QueryState<T>>({ status: 'loading', data: undefined, error: undefined });
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const controller = new AbortController();
    setState((previous) => ({ status: 'loading', data: previous.data, error: undefined }));
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'success', data, error: undefined });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState((previous) => ({ status: 'error', data: previous.data, error }));
      },
    );
    return () => controller.abort();
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  /** Replace the data with what a mutation answered, without another round trip. */
  const setData = useCallback((data: T) => setState({ status: 'success', data, error: undefined }), []);
  return { ...state, reload, setData };
}
