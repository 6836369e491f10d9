import { interviewEndpoints, type MeetingDefaults, type MeetingDefaultsResponse } from '@crm/shared/interviews';
import { apiRequest } from '../../../lib/api-client';

export function fetchMeetingDefaults(signal?: AbortSignal): Promise<MeetingDefaultsResponse> {
  return apiRequest<MeetingDefaultsResponse>(interviewEndpoints.getMeetingDefaults.path, { signal });
}

export function saveMeetingDefaults(defaults: MeetingDefaults): Promise<MeetingDefaultsResponse> {
  return apiRequest<MeetingDefaultsResponse>(interviewEndpoints.putMeetingDefaults.path, {
    method: interviewEndpoints.putMeetingDefaults.method,
    body: defaults,
  });
}
