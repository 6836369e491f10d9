import { useEffect, useId, useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

/**
 * A modal confirmation: focus moves to the safe choice, Tab stays inside, Escape cancels,
 * and focus returns to whatever opened it (or to the main region when that is gone).
 * It renders at the end of <body> (never inside the list item or form that opened it) and makes
 * the app behind it inert, so neither a pointer nor a screen reader's virtual cursor can reach it.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  cancelLabel = 'Cancel',
  destructive = false,
  busy = false,
  onConfirm,
  onCancel,
}: {
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  destructive?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const titleId = useId();
  const bodyId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const openerRef = useRef<HTMLElement | null>(null);

  // In the commit that shows the dialog: as a passive effect it ran a moment later, and took focus back to the
  // safe choice from a button someone (or a browser test) had already focused in the new dialog.
  useLayoutEffect(() => {
    openerRef.current = document.activeElement as HTMLElement | null;
    document.getElementById('root')?.setAttribute('inert', '');
    cancelRef.current?.focus();
  }, []);
  // After the closing commit, when the page behind shows what the action left of the opener.
  useEffect(
    () => () => {
      document.getElementById('root')?.removeAttribute('inert');
      // After a confirmed action the opener is often gone (Disconnect becomes Connect, a row loses its
      // button); focus then goes to the page's main region rather than being dropped on <body>.
      const opener = openerRef.current;
      if (opener?.isConnected) opener.focus();
      else document.getElementById('main')?.focus();
    },
    [],
  );

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      if (!busy) onCancel();
      return;
    }
    if (event.key !== 'Tab' || !dialogRef.current) return;
    const focusable = [...dialogRef.current.querySelectorAll<HTMLElement>('button')];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return createPortal(
    <div className="dialog-backdrop">
      {/* The WAI-ARIA dialog pattern traps Tab inside the dialog itself, so the dialog element listens. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <div
        ref={dialogRef}
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={children ? bodyId : undefined}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        {children && (
          <div id={bodyId} className="dialog-body">
            {children}
          </div>
        )}
        <div className="dialog-actions">
          {/* aria-disabled, not disabled, while working: a disabled button drops keyboard focus to <body>. */}
          <button
            ref={cancelRef}
            type="button"
            className="button button-secondary"
            onClick={() => !busy && onCancel()}
            aria-disabled={busy || undefined}
          >
            {cancelLabel}
          </button>
          <button
            type="button"
            className={`button ${destructive ? 'button-danger' : 'button-primary'}`}
            onClick={() => !busy && onConfirm()}
            aria-disabled={busy || undefined}
          >
            {busy ? 'Working…' : confirmLabel}
          </button>
        </div>
      </div>
    </div>,
    document.body,
  );
}
