import { withHostToken } from '../meetings/meeting-host';
import type { MeetingServiceDeps } from '../meetings/meeting-service-deps';
import type { PastMeetingParticipants } from './catch-up-attendance';

/** Zoom's participant report, read with a token of the account that hosted the meeting. */
export function makePastMeetingParticipants(deps: MeetingServiceDeps): PastMeetingParticipants {
  return (meetingUuid, host) => withHostToken(deps, host, 'reading who attended the meeting', (token) => deps.zoom.listPastMeetingParticipants(token, meetingUuid));
}
