import { ORGANISATION_MEETING_DEFAULTS, type MeetingDefaults, type MeetingDefaultsResponse } from '@crm/shared/interviews';
import { recordSettingsChange, type SettingsAuditDeps } from '../audit/record-settings-change';
import type { MeetingDefaultsRepository } from '../ports/meeting-defaults-repository';
import type { RequestContext } from '../ports/request-context';

/**
 * Applies to meetings created on the user's own Zoom account from now on; existing meetings keep theirs.
 * Audited against what applied before (the organisation's defaults until the user first saves).
 */
export async function saveMeetingDefaults(
  deps: { meetingDefaults: MeetingDefaultsRepository } & SettingsAuditDeps,
  userId: string,
  defaults: MeetingDefaults,
  context: RequestContext,
): Promise<MeetingDefaultsResponse> {
  const before = (await deps.meetingDefaults.get(userId)) ?? ORGANISATION_MEETING_DEFAULTS;
  const saved = await deps.meetingDefaults.put(userId, defaults);
  await recordSettingsChange(deps, { setting: 'meeting_defaults', before, after: saved, subjectUserId: userId }, context);
  return { defaults: saved, usingOrganisationDefaults: false, organisationDefaults: ORGANISATION_MEETING_DEFAULTS };
}
