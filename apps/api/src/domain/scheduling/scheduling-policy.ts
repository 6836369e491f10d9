import type { SchedulingSettings, SchedulingSettingsResponse } from '@crm/shared/interviews';
import { AppError } from '../../errors/app-error';
import { recordSettingsChange, type SettingsAuditDeps } from '../audit/record-settings-change';
import type { RequestContext } from '../ports/request-context';
import type { SettingsRepository, StoredSchedulingSettings } from '../ports/settings-repository';
import type { UserRecord } from '../ports/user-repository';

function present(stored: StoredSchedulingSettings): SchedulingSettingsResponse {
  return { settings: stored.settings, updatedAt: stored.updatedAt?.toISOString() ?? null, updatedBy: stored.updatedBy };
}

export async function getSchedulingSettings(settings: Pick<SettingsRepository, 'getScheduling'>): Promise<SchedulingSettingsResponse> {
  return present(await settings.getScheduling());
}

/** An admin switches the policy; it applies to interviews scheduled from now on, never to existing ones. Audited (before → after). */
export async function putSchedulingSettings(
  deps: { settings: Pick<SettingsRepository, 'getScheduling' | 'putScheduling'> } & SettingsAuditDeps,
  adminId: string,
  next: SchedulingSettings,
  context: RequestContext,
): Promise<SchedulingSettingsResponse> {
  const before = await deps.settings.getScheduling();
  const saved = await deps.settings.putScheduling(next, adminId, deps.clock.now());
  await recordSettingsChange(deps, { setting: 'scheduling_policy', before: before.settings, after: saved.settings }, context);
  return present(saved);
}

/**
 * Design note Phase 3: with `requireInterviewerZoom` on, an interviewer without a working Zoom connection
 * cannot be scheduled (no new fallback to the organisation's account); the refusal names who must connect.
 */
export async function refuseInterviewersWithoutZoom(settings: Pick<SettingsRepository, 'getScheduling'> | undefined, interviewers: UserRecord[]): Promise<void> {
  if (!settings || !(await settings.getScheduling()).settings.requireInterviewerZoom) return;
  const missing = interviewers.filter((interviewer) => interviewer.zoomConnectionState !== 'connected');
  if (missing.length === 0) return;
  const names = missing.map((interviewer) => interviewer.name).join(', ');
  throw new AppError({
    code: 'interviewer_zoom_required',
    status: 409,
    message: `${names} must connect Zoom before being scheduled: this organisation requires interviewers to host on their own Zoom.`,
    details: { path: 'interviewerId', interviewers: missing.map((interviewer) => ({ id: interviewer.id, name: interviewer.name })) },
  });
}
