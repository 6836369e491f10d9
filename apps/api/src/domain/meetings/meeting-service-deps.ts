import type { Logger } from 'pino';
import type { AccessTokenSource, UserAccessTokens } from '../ports/access-token-source';
import type { InterviewRepository } from '../ports/interview-repository';
import type { MeetingDefaultsRepository } from '../ports/meeting-defaults-repository';
import type { ZoomMeetingsGateway } from '../ports/zoom-gateway';
import type { FallbackHostPool } from './fallback-host-pool';

/** What the meeting use cases need; wired once by the composition root (src/composition). */
export interface MeetingServiceDeps {
  userAccessTokens: UserAccessTokens;
  /** The organisation's Server-to-Server app; null when ZOOM_ACCOUNT_ID / ZOOM_S2S_CLIENT_ID / ZOOM_S2S_CLIENT_SECRET are not configured. */
  systemAccessTokens: AccessTokenSource | null;
  /** `ZOOM_USER_ID`: the Zoom user (email or id) that hosts meetings on the organisation's account. */
  systemHostUserId: string;
  /** The fallback hosts and their slots (ZOOM_FALLBACK_HOSTS); absent, every fallback goes to systemHostUserId unchecked. */
  fallbackHosts?: FallbackHostPool;
  zoom: ZoomMeetingsGateway;
  meetingDefaults: MeetingDefaultsRepository;
  /** Tells a retry which meetings found at Zoom already belong to an interview. */
  interviews: Pick<InterviewRepository, 'isZoomMeetingTaken'>;
  logger: Pick<Logger, 'info' | 'warn'>;
}
