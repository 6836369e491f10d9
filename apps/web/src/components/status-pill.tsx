export type StatusTone = 'success' | 'warning' | 'neutral' | 'danger' | 'info';

/** Coloured status with its word always visible, so colour is never the only signal. */
export function StatusPill({ tone, children, title }: { tone: StatusTone; children: string; title?: string }) {
  return (
    <span className={`status-pill status-${tone}`} title={title}>
      <span className="status-dot" aria-hidden="true" />
      {children}
    </span>
  );
}
