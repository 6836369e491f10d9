import type { SetURLSearchParams } from 'react-router-dom';

/**
 * Sets one URL search parameter of a filtered view, or removes it (`null`: the filter's default), keeping
 * the others. `replace`: the change replaces the history entry (typing), rather than one Back undoes.
 */
export function writeSearchParam(setParams: SetURLSearchParams, key: string, value: string | null, options: { replace: boolean }): void {
  setParams(
    (current) => {
      const next = new URLSearchParams(current);
      if (value === null) next.delete(key);
      else next.set(key, value);
      return next;
    },
    { replace: options.replace },
  );
}
