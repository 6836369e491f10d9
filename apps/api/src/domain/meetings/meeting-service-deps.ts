import type { Logger } from 'pino';
import type { ZoomApiClient } from '../../zoom/zoom-api-client';
import type { ServerToServerToken } from '../../zoom/server-to-server-token';
import type { InterviewRepository } from '../ports/interview-repository';
import type { MeetingDefaultsRepository } from '../ports/meeting-defaults-repository';
import type { ZoomUserTokens } from '../ports/zoom-user-tokens';

/** What the meeting use cases need; wired once at start-up (create-meeting-services.ts). */
export interface MeetingServiceDeps {
  userTokens: ZoomUserTokens;
  /** Null when ZOOM_ACCOUNT_ID / ZOOM_S2S_CLIENT_ID / ZOOM_S2S_CLIENT_SECRET are not configured. */
  systemToken: Pick<ServerToServerToken, 'get' | 'invalidate'> | null;
  /** `ZOOM_USER_ID`: the Zoom user (email or id) that hosts meetings on the organisation's account. */
  systemHostUserId: string;
  zoomApi: Pick<ZoomApiClient, 'createMeeting' | 'updateMeeting' | 'deleteMeeting' | 'getMeeting' | 'listUpcomingMeetings'>;
  meetingDefaults: MeetingDefaultsRepository;
  /** Tells a retry which meetings found at Zoom already belong to an interview. */
  interviews: Pick<InterviewRepository, 'isZoomMeetingTaken'>;
  logger: Pick<Logger, 'info' | 'warn'>;
}
