import { ORGANISATION_MEETING_DEFAULTS, type MeetingDefaultsResponse } from '@crm/shared/interviews';
import type { MeetingDefaultsRepository } from '../ports/meeting-defaults-repository';

/** The user's own meeting settings, or the organisation's when they never saved any. */
export async function getMeetingDefaults(repository: MeetingDefaultsRepository, userId: string): Promise<MeetingDefaultsResponse> {
  const own = await repository.get(userId);
  return { defaults: own ?? ORGANISATION_MEETING_DEFAULTS, usingOrganisationDefaults: own === null, organisationDefaults: ORGANISATION_MEETING_DEFAULTS };
}
