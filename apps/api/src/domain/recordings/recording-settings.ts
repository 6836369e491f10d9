import { DEFAULT_RECORDING_SETTINGS, type RecordingSettings } from '@crm/shared/recordings';
import { recordSettingsChange, type SettingsAuditDeps } from '../audit/record-settings-change';
import type { RequestContext } from '../ports/request-context';
import type { RecordingDeps } from './recording-deps';

export async function getRecordingSettings(deps: Pick<RecordingDeps, 'settings'>): Promise<RecordingSettings> {
  return (await deps.settings.get()) ?? DEFAULT_RECORDING_SETTINGS;
}

/** An admin sets how long transcripts are kept; audited (before → after). */
export async function saveRecordingSettings(
  deps: Pick<RecordingDeps, 'settings' | 'clock'> & SettingsAuditDeps,
  settings: RecordingSettings,
  context: RequestContext,
): Promise<RecordingSettings> {
  const before = await getRecordingSettings(deps);
  const saved = await deps.settings.put(settings, deps.clock.now());
  await recordSettingsChange(deps, { setting: 'transcript_retention', before, after: saved }, context);
  return saved;
}
