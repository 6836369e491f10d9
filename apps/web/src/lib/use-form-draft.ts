import { useEffect } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';

const PREFIX = 'crm-form-draft:';
// A draft older than this is stale (yesterday's half-typed form), not work to give back.
const MAX_AGE_MS = 8 * 60 * 60 * 1000;

/**
 * Keeps what the person typed in this tab's sessionStorage (never sent anywhere), so a session that
 * expires mid-form, and the sign-in it leads to, give the form back as it was.
 */
export function useFormDraft<T extends FieldValues>(key: string, form: Pick<UseFormReturn<T>, 'watch' | 'reset' | 'getValues'>): void {
  const { watch, reset, getValues } = form;
  useEffect(() => {
    const saved = readDraft<T>(key);
    if (saved) reset({ ...getValues(), ...saved });
    const subscription = watch((values) => {
      try {
        sessionStorage.setItem(PREFIX + key, JSON.stringify({ savedAt: Date.now(), values }));
      } catch {
        // Storage full or blocked: the form still works, only without a draft.
      }
    });
    return () => subscription.unsubscribe();
  }, [key, watch, reset, getValues]);
}

function readDraft<T>(key: string): Partial<T> | null {
  try {
    const raw = sessionStorage.getItem(PREFIX + key);
    if (!raw) return null;
    const draft = JSON.parse(raw) as { savedAt?: number; values?: Partial<T> };
    if (!draft.values || typeof draft.savedAt !== 'number' || Date.now() - draft.savedAt > MAX_AGE_MS) return null;
    return draft.values;
  } catch {
    return null;
  }
}

/** On sign-out: whoever signs in next in this tab starts from empty forms. */
export function clearFormDrafts(): void {
  try {
    for (const name of Object.keys(sessionStorage)) if (name.startsWith(PREFIX)) sessionStorage.removeItem(name);
  } catch {
    // Nothing stored.
  }
}
