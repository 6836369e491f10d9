import type { RecordingDeps } from './recording-deps';
import { getRecordingSettings } from './recording-settings';

const DAY_MS = 24 * 60 * 60_000;

/** Removes the CRM's copy of every transcript kept longer than the retention the admins set; returns how many. */
export async function deleteExpiredTranscripts(deps: Pick<RecordingDeps, 'recordings' | 'settings' | 'clock'>): Promise<number> {
  const { transcriptRetentionDays } = await getRecordingSettings(deps);
  const now = deps.clock.now();
  return deps.recordings.deleteTranscriptsStoredBefore(new Date(now.getTime() - transcriptRetentionDays * DAY_MS), now);
}
