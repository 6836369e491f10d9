import type { ReactNode, Ref } from 'react';

/**
 * A polite live region that is in the page before anything is said in it: screen readers only
 * announce changes to a region they already know, not a status element inserted with its text.
 */
export function LiveRegion({ children, ref, className }: { children?: ReactNode; ref?: Ref<HTMLDivElement>; className?: string }) {
  return (
    // Focusable from script only, so a result can take focus when the control that caused it goes away.
    <div ref={ref} role="status" aria-live="polite" tabIndex={-1} className={['live-region', className].filter(Boolean).join(' ')}>
      {children}
    </div>
  );
}
