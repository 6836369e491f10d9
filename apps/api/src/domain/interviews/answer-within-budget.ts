/** How long a request may wait for Zoom before answering, and the timer that measures it (injected: tests control it). */
export interface AnswerBudget {
  ms: number;
  wait: (ms: number) => Promise<void>;
}

/**
 * The work's result if it settles within the budget, else `late` (the work carries on; its outcome is
 * handed to `onLate`, and a rejection is never left unhandled).
 */
export async function answerWithinBudget<T>(
  work: Promise<T>,
  budget: AnswerBudget | undefined,
  onLate: (outcome: Promise<T>) => void,
): Promise<{ settled: true; value: T } | { settled: false }> {
  if (!budget) return { settled: true, value: await work };
  const timedOut = Symbol('timed out');
  const first = await Promise.race([work, budget.wait(budget.ms).then(() => timedOut)]);
  if (first !== timedOut) return { settled: true, value: first as T };
  onLate(work);
  return { settled: false };
}
