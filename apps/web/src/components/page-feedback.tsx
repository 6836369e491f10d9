import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { LiveRegion } from './live-region';
import { Notice, type NoticeTone } from './notice';

export interface Feedback {
  tone: NoticeTone;
  title: string;
  text: string;
}

interface PageFeedback {
  /** Says what an action did, at the top of the page, and moves focus there (the control that acted may be gone). */
  show: (feedback: Feedback) => void;
  /** Grows with every message shown, so an older message elsewhere on the page can step aside. */
  generation: number;
}

const PageFeedbackContext = createContext<PageFeedback>({ show: () => undefined, generation: 0 });

export function usePageFeedback(): PageFeedback {
  return useContext(PageFeedbackContext);
}

/** One live region per page for the outcome of actions taken in lists (cancel, reschedule), present before anything is said. */
export function PageFeedbackProvider({ children }: { children: ReactNode }) {
  const [current, setCurrent] = useState<Feedback | null>(null);
  const [generation, setGeneration] = useState(0);
  const regionRef = useRef<HTMLDivElement>(null);
  const show = useCallback((feedback: Feedback) => {
    setGeneration((previous) => previous + 1);
    setCurrent({ ...feedback });
  }, []);
  useEffect(() => {
    if (current) regionRef.current?.focus();
  }, [current]);
  const value = useMemo(() => ({ show, generation }), [show, generation]);

  return (
    <PageFeedbackContext.Provider value={value}>
      <LiveRegion ref={regionRef} className="page-feedback">
        {current && (
          <Notice
            tone={current.tone}
            title={current.title}
            announce={false}
            onDismiss={() => {
              setCurrent(null);
              // The dismiss button goes with the message: continue from the page's heading.
              const heading = document.querySelector<HTMLElement>('#main h1');
              if (heading) heading.tabIndex = -1;
              heading?.focus();
            }}
          >
            <p>{current.text}</p>
          </Notice>
        )}
      </LiveRegion>
      {children}
    </PageFeedbackContext.Provider>
  );
}
