import { ORGANISATION_MEETING_DEFAULTS, type MeetingDefaults, type MeetingDefaultsResponse } from '@crm/shared/interviews';
import type { MeetingDefaultsRepository } from '../ports/meeting-defaults-repository';

/** Applies to meetings created on the user's own Zoom account from now on; existing meetings keep theirs. */
export async function saveMeetingDefaults(repository: MeetingDefaultsRepository, userId: string, defaults: MeetingDefaults): Promise<MeetingDefaultsResponse> {
  const saved = await repository.put(userId, defaults);
  return { defaults: saved, usingOrganisationDefaults: false, organisationDefaults: ORGANISATION_MEETING_DEFAULTS };
}
