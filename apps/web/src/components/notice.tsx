import type { ReactNode } from 'react';

export type NoticeTone = 'success' | 'info' | 'warning' | 'error';

/** A message block; errors and warnings are announced immediately, the rest politely. */
export function Notice({
  tone,
  title,
  children,
  onDismiss,
}: {
  tone: NoticeTone;
  title?: string;
  children?: ReactNode;
  onDismiss?: () => void;
}) {
  const urgent = tone === 'error' || tone === 'warning';
  return (
    <div className={`notice notice-${tone}`} role={urgent ? 'alert' : 'status'}>
      <div className="notice-body">
        {title && <p className="notice-title">{title}</p>}
        {children}
      </div>
      {onDismiss && (
        <button type="button" className="notice-dismiss" onClick={onDismiss} aria-label="Dismiss message">
          ×
        </button>
      )}
    </div>
  );
}
