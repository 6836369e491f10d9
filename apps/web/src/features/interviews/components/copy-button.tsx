import { useState } from 'react';

/** Copies a value and says so (in words, for screen readers too); falls back to selecting nothing silently never. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
  }
  return (
    <>
      <button type="button" className="button button-secondary button-small" onClick={() => void copy()}>
        {label}
      </button>
      <span className="copy-result" role="status">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Could not copy: select the link and copy it yourself' : ''}
      </span>
    </>
  );
}
