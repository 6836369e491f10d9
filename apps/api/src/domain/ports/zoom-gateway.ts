import type { Secret } from './secret';

/** Body of `POST /users/{userId}/meetings` and `PATCH /meetings/{id}`, as in Zoom's OpenAPI description. */
export interface ZoomMeetingRequest {
  topic?: string;
  type?: 2;
  /** `yyyy-MM-ddTHH:mm:ssZ` (UTC). */
  start_time?: string;
  duration?: number;
  timezone?: string;
  agenda?: string;
  password?: string;
  settings?: ZoomMeetingSettings;
}

export interface ZoomMeetingSettings {
  join_before_host?: boolean;
  waiting_room?: boolean;
  auto_recording?: 'none' | 'local' | 'cloud';
  mute_upon_entry?: boolean;
  host_video?: boolean;
  participant_video?: boolean;
  approval_type?: 0 | 1 | 2;
  alternative_hosts?: string;
}

/** A meeting as Zoom describes it; `id` is kept as a string because Zoom's ids are int64. */
export interface ZoomMeeting {
  id: string;
  hostId: string | null;
  hostEmail: string | null;
  topic: string | null;
  startTime: string | null;
  duration: number | null;
  timezone: string | null;
  joinUrl: string;
  /** Starts the meeting as the host without signing in: a credential, so it stays opaque. */
  startUrl: Secret | null;
  password: string | null;
}

export interface ZoomUser {
  id: string;
  email: string;
  accountId: string | null;
  firstName: string | null;
  lastName: string | null;
  displayName: string | null;
  timezone: string | null;
}

export interface ZoomMeetingSummary {
  id: string;
  topic: string | null;
  startTime: string | null;
}

/** One participant's stretch in an ended meeting instance (Zoom's past-meeting participant report). */
export interface ZoomPastParticipant {
  /** The Zoom user id when signed in (the host's equals the meeting's host_id); may be empty. */
  zoomUserId: string | null;
  /** The participant's id within the meeting. */
  participantId: string | null;
  name: string;
  email: string | null;
  joinTime: string | null;
  leaveTime: string | null;
}

/**
 * Zoom's REST API as the domain uses it. Every method throws a ZoomFailure (see zoom-failure.ts) when
 * Zoom refuses or cannot be reached; transient failures have already been retried.
 */
export interface ZoomMeetingsGateway {
  getCurrentUser(accessToken: Secret): Promise<ZoomUser>;
  /** A user of the token's account (`not_found` when the account has no such user): can this account manage them? */
  getUser(accessToken: Secret, userId: string): Promise<ZoomUser>;
  createMeeting(accessToken: Secret, userId: string, meeting: ZoomMeetingRequest): Promise<ZoomMeeting>;
  updateMeeting(accessToken: Secret, meetingId: string, changes: ZoomMeetingRequest): Promise<void>;
  /** Throws `not_found` when the meeting is already gone; callers deleting it count that as done. */
  deleteMeeting(accessToken: Secret, meetingId: string): Promise<void>;
  getMeeting(accessToken: Secret, meetingId: string): Promise<ZoomMeeting>;
  /**
   * A start URL Zoom issues now (reading the meeting re-mints it), as text for the host's browser: the one
   * plaintext credential the domain ever holds, for the length of a redirect. Null when Zoom sent none.
   */
  getStartUrl(accessToken: Secret, meetingId: string): Promise<string | null>;
  /** Upcoming meetings of a host; used to find a meeting a lost create may have made. */
  listUpcomingMeetings(accessToken: Secret, userId: string): Promise<ZoomMeetingSummary[]>;
  /** Who attended an ended meeting instance (by its uuid), every page; the catch-up for missed events. */
  listPastMeetingParticipants(accessToken: Secret, meetingUuid: string): Promise<ZoomPastParticipant[]>;
}

export interface ZoomTokenSet {
  accessToken: Secret;
  refreshToken: Secret;
  expiresInSeconds: number;
  scopes: string[];
}

/** The user-level OAuth app: authorize URL with PKCE, code exchange, refresh, revoke. Throws ZoomFailure. */
export interface ZoomOAuthGateway {
  /** A fresh PKCE code verifier; it never leaves the server (only its S256 challenge goes to Zoom). */
  newCodeVerifier(): Secret;
  authorizeUrl(input: { state: string; codeVerifier: Secret }): string;
  /** `code` is the one-time code from Zoom's redirect. */
  exchangeCode(code: string, codeVerifier: Secret): Promise<ZoomTokenSet>;
  /** Zoom rotates the refresh token on every call: the caller must store the new one before anything else. */
  refresh(refreshToken: Secret): Promise<ZoomTokenSet>;
  revoke(token: Secret): Promise<void>;
}
