import type { ReactNode } from 'react';

export type NoticeTone = 'success' | 'info' | 'warning' | 'error';

/**
 * A message block; errors and warnings are announced immediately, the rest politely. Inside a
 * <LiveRegion> pass `announce={false}`: the region already announces it, and nested live regions read twice.
 */
export function Notice({
  tone,
  title,
  children,
  onDismiss,
  announce = true,
}: {
  tone: NoticeTone;
  title?: string;
  children?: ReactNode;
  onDismiss?: () => void;
  announce?: boolean;
}) {
  const urgent = tone === 'error' || tone === 'warning';
  return (
    <div className={`notice notice-${tone}`} role={announce ? (urgent ? 'alert' : 'status') : undefined}>
      {/* A shape per tone (drawn in CSS), so the outcome is told apart without relying on colour; the title says it in words. */}
      <span className={`notice-icon notice-icon-${tone}`} aria-hidden="true" />
      <div className="notice-body">
        {title && <p className="notice-title">{title}</p>}
        {children}
      </div>
      {onDismiss && (
        // The × is a picture of the action, not its name: hidden from the accessibility tree, the words spoken instead.
        <button type="button" className="notice-dismiss" onClick={onDismiss}>
          <span aria-hidden="true">×</span>
          <span className="sr-only">Dismiss message</span>
        </button>
      )}
    </div>
  );
}
