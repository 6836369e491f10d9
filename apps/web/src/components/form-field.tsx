import type { ReactNode } from 'react';

export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/**
 * A labelled control with its hint and error: the control is described by both, and marked invalid
 * while the error shows, so a screen reader reads the problem on focus.
 */
export function FormField({
  id,
  label,
  hint,
  error,
  announce = false,
  formErrorId,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  /** Announce the error as it appears, for forms without an error summary of their own. */
  announce?: boolean;
  /** A form-level error that concerns this field too (wrong email or password): marks it invalid and describes it. */
  formErrorId?: string;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const invalid = Boolean(error) || Boolean(formErrorId);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-invalid': invalid ? true : undefined,
        'aria-describedby': [hintId, errorId, formErrorId].filter(Boolean).join(' ') || undefined,
      })}
      {hint && (
        <span id={hintId} className="hint">
          {hint}
        </span>
      )}
      {error && (
        <p id={errorId} className="field-error" role={announce ? 'alert' : undefined}>
          {error}
        </p>
      )}
    </div>
  );
}
