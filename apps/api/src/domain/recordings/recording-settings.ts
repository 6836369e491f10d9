import { DEFAULT_RECORDING_SETTINGS, type RecordingSettings } from '@crm/shared/recordings';
import type { RecordingDeps } from './recording-deps';

export async function getRecordingSettings(deps: Pick<RecordingDeps, 'settings'>): Promise<RecordingSettings> {
  return (await deps.settings.get()) ?? DEFAULT_RECORDING_SETTINGS;
}

export function saveRecordingSettings(deps: Pick<RecordingDeps, 'settings' | 'clock'>, settings: RecordingSettings): Promise<RecordingSettings> {
  return deps.settings.put(settings, deps.clock.now());
}
