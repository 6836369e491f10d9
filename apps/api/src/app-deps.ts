import type { Logger } from 'pino';
import type { Env } from './config/env';
import type { Store } from './domain/ports/store';
import type { ZoomUserTokens } from './domain/ports/zoom-user-tokens';
import type { ZoomConnectionServices } from './zoom/create-zoom-connection-services';
import type { MeetingServices } from './zoom/create-meeting-services';

/** Everything the HTTP layer needs, wired once at start-up (main.ts) or by a test. */
export interface AppDeps {
  env: Env;
  logger: Logger;
  store: Store;
  /** A user's usable Zoom access token, refreshed as needed (what meeting code uses). */
  zoomUserTokens: ZoomUserTokens;
  /** The connect / callback / disconnect / webhook lifecycle. */
  zoomConnection: ZoomConnectionServices;
  /** Meetings (interviewer's Zoom first, S2S fallback), interviews and the meeting sync worker. */
  meetings: MeetingServices;
}
