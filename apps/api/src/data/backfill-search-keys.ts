import type { InterviewRepository } from '../domain/ports/interview-repository';

/** Interviews rewritten per round trip: small enough for one bulk write, large enough for 50,000 in seconds. */
export const SEARCH_KEYS_BATCH = 500;

/**
 * Migration step: interviews stored before candidate search keys existed (or with an older kind of them)
 * are invisible to the candidate search until they get the current keys. Batched and idempotent: a
 * second run changes nothing. Run by `pnpm --filter @crm/api migrate`.
 */
export async function backfillSearchKeys(interviews: Pick<InterviewRepository, 'backfillSearchKeys'>, batchSize = SEARCH_KEYS_BATCH): Promise<{ updated: number }> {
  return { updated: await interviews.backfillSearchKeys(batchSize) };
}
