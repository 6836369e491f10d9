import { randomBytes } from 'node:crypto';
import type { ActiveFault, FaultRule } from '../faults/fault-injector';
import type { SimulatedZoomUser } from '../simulated-zoom-user';
import type { SimulatorPolicy } from '../simulator-options';
import type { SimulatedMeeting } from '../state/meeting-store';
import type { GrantCounts, RecordedRequest, SpecViolation } from '../state/request-log';
import { resetSimulatorState, type SimulatorState } from '../state/simulator-state';
import { appDeauthorizedEvent } from '../webhooks/app-deauthorized-event';
import { encryptPlainToken, type WebhookDelivery } from '../webhooks/send-webhook';
import type { WebhookDeliveryRecord, WebhookMessage } from '../webhooks/webhook-dispatcher';
import { describeInvalidPolicy } from './describe-invalid-policy';
import { emitMeetingActivity, type EmittedActivity } from '../live-meetings/emit-meeting-activity';
import { deleteMeetingInZoom, editMeetingInZoom, type MeetingEditInZoom } from '../live-meetings/meeting-edits-in-zoom';
import type { ActiveWebhookFault, WebhookFaultRule } from '../webhooks/webhook-faults';
import { afterEnding, hostConcurrency, meetingsEndedByStart, type AllowanceOptions, type HostConcurrencyReport } from '../live-meetings/host-concurrency';

export interface WebhookOptions {
  /** Defaults to the simulator's configured webhook url. */
  url?: string;
  secretToken?: string;
  /** Seconds since the epoch for x-zm-request-timestamp; defaults to the simulator clock. */
  timestamp?: number;
}

export interface UrlValidationDelivery extends WebhookDelivery {
  plainToken: string;
  /** Whether the receiver answered with the right encryptedToken, as Zoom checks it. */
  encryptedTokenValid: boolean;
}

export interface SimulatorStats {
  tokenGrantCounts: GrantCounts;
  tokenRequestCounts: GrantCounts;
  requestCount: number;
  requestCountsByEndpoint: Record<string, number>;
  specViolationCount: number;
  meetingCount: number;
  activeFaults: number;
}

export interface ZoomSimulatorControl {
  requests(): RecordedRequest[];
  tokenGrantCounts(): GrantCounts;
  tokenRequestCounts(): GrantCounts;
  specViolations(): SpecViolation[];
  /** Deleted meetings are included, marked `deleted: true`. */
  meetings(filter?: { hostId?: string }): SimulatedMeeting[];
  users(): SimulatedZoomUser[];
  stats(): SimulatorStats;
  injectFault(rule: FaultRule): string;
  faults(): ActiveFault[];
  clearFaults(): void;
  setAccessTokenTtlSeconds(seconds: number): void;
  expireAccessTokens(zoomUserId?: string): void;
  rotateRefreshTokenElsewhere(zoomUserId: string): { rotated: boolean };
  /** In-process only: every access token, refresh token and authorization code ever issued, for leak scans. */
  issuedSecrets(): string[];
  sendDeauthorization(zoomUserId: string, options?: WebhookOptions): Promise<WebhookDelivery>;
  sendUrlValidation(options?: WebhookOptions & { plainToken?: string }): Promise<UrlValidationDelivery>;
  /** Every webhook sent or queued, with each attempt's time and status. */
  webhookDeliveries(): WebhookDeliveryRecord[];
  /** Runs the queued attempts (retries, delayed deauthorizations) whose time has come on the simulator clock. */
  deliverDueWebhooks(): Promise<number>;
  /** Resolves once no webhook attempt is on the wire. */
  settleWebhooks(): Promise<void>;
  /**
   * Inside a meeting, as Zoom clients would act; each sends Zoom's events for it to the webhook URL.
   * The host joins (starting the meeting), a guest joins (waiting for the host or in the waiting room as
   * the meeting's settings say), a waiting guest is admitted, someone leaves, the host ends the meeting.
   */
  hostJoins(meetingId: string, options?: WebhookOptions): Promise<EmittedActivity>;
  guestJoins(meetingId: string, guest: { name: string; email?: string }, options?: WebhookOptions): Promise<EmittedActivity>;
  admitGuest(meetingId: string, participantId: string, options?: WebhookOptions): Promise<EmittedActivity>;
  participantLeaves(meetingId: string, participantId: string, options?: WebhookOptions): Promise<EmittedActivity>;
  endMeeting(meetingId: string, options?: WebhookOptions): Promise<EmittedActivity>;
  /** The host edits the meeting in Zoom's own UI (not through the API): sends `meeting.updated`. */
  editMeetingInZoom(meetingId: string, edit: MeetingEditInZoom, options?: WebhookOptions): Promise<EmittedActivity>;
  /** The host deletes the meeting in Zoom's own UI: sends `meeting.deleted`. */
  deleteMeetingInZoom(meetingId: string, options?: WebhookOptions): Promise<EmittedActivity>;
  /** Per host: scheduled meetings, the most that overlap, and whether that is beyond its allowance (double-booked). */
  hostConcurrency(options?: AllowanceOptions): HostConcurrencyReport;
  /** Who is in the meeting now, waiting or gone. */
  meetingParticipants(meetingId: string): ReturnType<SimulatorState['liveMeetings']['participants']>;
  /** Drop, duplicate or delay the meeting events emitted next. */
  injectWebhookFault(rule: WebhookFaultRule): string;
  webhookFaults(): ActiveWebhookFault[];
  clearWebhookFaults(): void;
  /** The behaviour switches in force. */
  policy(): SimulatorPolicy;
  /** Changes behaviour switches until reset(); nested objects replace the whole value. */
  setPolicy(changes: Partial<SimulatorPolicy>): SimulatorPolicy;
  reset(): void;
}

export function createSimulatorControl(state: SimulatorState): ZoomSimulatorControl {
  const webhookTarget = (options: WebhookOptions) => {
    const url = options.url ?? state.options.webhook.url;
    if (!url) throw new Error('No webhook url: pass { url } or configure options.webhook.url');
    return {
      url,
      secretToken: options.secretToken ?? state.options.webhook.secretToken,
      ...(options.timestamp === undefined ? {} : { timestampSeconds: options.timestamp }),
    };
  };

  /** The first attempt's answer, as callers always got it; a receiver that cannot be reached is still an error. */
  const sendThroughDispatcher = async (message: WebhookMessage): Promise<WebhookDelivery> => {
    const { delivery, error } = await state.webhooks.sendNow(message);
    if (!delivery) throw new Error(`Webhook to ${message.url} failed: ${error ?? 'no answer'}`);
    return delivery;
  };

  const liveMeeting = (meetingId: string) => {
    const meeting = state.meetings.find(meetingId);
    if (!meeting || meeting.deleted) throw new Error(`Unknown meeting ${meetingId}`);
    return meeting;
  };
  const emitTo = (options: WebhookOptions) => {
    const { url, secretToken } = webhookTarget(options);
    return { url, secretToken };
  };

  const control: ZoomSimulatorControl = {
    requests: () => state.log.requests(),
    tokenGrantCounts: () => state.log.tokenGrantCounts(),
    tokenRequestCounts: () => state.log.tokenRequestCounts(),
    specViolations: () => state.log.specViolations(),
    meetings: (filter = {}) =>
      state.meetings.list({ includeDeleted: true, ...(filter.hostId === undefined ? {} : { hostId: filter.hostId }) }).map((m) => structuredClone(m)),
    users: () => state.users.all(),
    stats: () => ({
      tokenGrantCounts: state.log.tokenGrantCounts(),
      tokenRequestCounts: state.log.tokenRequestCounts(),
      requestCount: state.log.requests().length,
      requestCountsByEndpoint: state.log.requestCountsByEndpoint(),
      specViolationCount: state.log.specViolations().length,
      meetingCount: state.meetings.list().length,
      activeFaults: state.faults.list().length,
    }),
    injectFault: (rule) => state.faults.add(rule),
    faults: () => state.faults.list(),
    clearFaults: () => state.faults.clear(),
    setAccessTokenTtlSeconds: (seconds) => {
      if (!Number.isFinite(seconds) || seconds <= 0) throw new Error('Access token TTL must be a positive number of seconds');
      state.accessTokenTtlSeconds = seconds;
    },
    expireAccessTokens: (zoomUserId) => state.tokens.expireAccessTokens(zoomUserId),
    rotateRefreshTokenElsewhere: (zoomUserId) => ({ rotated: state.tokens.rotateRefreshTokenElsewhere(zoomUserId) }),
    issuedSecrets: () => state.secrets.all(),

    async sendDeauthorization(zoomUserId, options = {}) {
      const user = state.users.byId(zoomUserId);
      if (!user) throw new Error(`Unknown Zoom user ${zoomUserId}`);
      const target = webhookTarget(options);
      const { clientId } = state.options.userApp;
      // Zoom revokes the app's tokens before telling the app it was removed.
      state.tokens.revokeUserGrants(user.id, clientId);
      const event = appDeauthorizedEvent({ accountId: user.accountId, userId: user.id, clientId, nowMs: state.now() });
      return sendThroughDispatcher({ ...target, event });
    },

    async sendUrlValidation(options = {}) {
      const target = webhookTarget(options);
      const plainToken = options.plainToken ?? randomBytes(16).toString('base64url');
      const event = { payload: { plainToken }, event_ts: state.now(), event: 'endpoint.url_validation' };
      const delivery = await sendThroughDispatcher({ ...target, event });
      const answer = delivery.body as { plainToken?: unknown; encryptedToken?: unknown } | null;
      const encryptedTokenValid =
        delivery.status === 200 && answer?.plainToken === plainToken && answer?.encryptedToken === encryptPlainToken(target.secretToken, plainToken);
      return { ...delivery, plainToken, encryptedTokenValid };
    },

    async hostJoins(meetingId, options = {}) {
      const meeting = liveMeeting(meetingId);
      const target = emitTo(options);
      const host = state.users.byId(meeting.host_id);
      const name = host ? `${host.firstName} ${host.lastName}` : meeting.host_email;
      // A host runs at most `concurrentMeetingsPerHost` meetings: starting one more ends a running one.
      const limit = state.policy.concurrentMeetingsPerHost;
      const ended = limit === undefined || state.liveMeetings.isRunning(meeting.id) ? [] : meetingsEndedByStart(meeting, state.meetings.list(), (id) => state.liveMeetings.isRunning(id), limit).map((other) => state.liveMeetings.end(other));
      return emitMeetingActivity(state, afterEnding(ended, state.liveMeetings.hostJoins(meeting, { name, email: meeting.host_email })), target);
    },
    async guestJoins(meetingId, guest, options = {}) {
      const meeting = liveMeeting(meetingId);
      const target = emitTo(options);
      return emitMeetingActivity(state, state.liveMeetings.guestJoins(meeting, guest), target);
    },
    async admitGuest(meetingId, participantId, options = {}) {
      const meeting = liveMeeting(meetingId);
      const target = emitTo(options);
      return emitMeetingActivity(state, state.liveMeetings.admit(meeting, participantId), target);
    },
    async participantLeaves(meetingId, participantId, options = {}) {
      const meeting = liveMeeting(meetingId);
      const target = emitTo(options);
      return emitMeetingActivity(state, state.liveMeetings.leaves(meeting, participantId), target);
    },
    async endMeeting(meetingId, options = {}) {
      const meeting = liveMeeting(meetingId);
      const target = emitTo(options);
      return emitMeetingActivity(state, state.liveMeetings.end(meeting), target);
    },
    async editMeetingInZoom(meetingId, edit, options = {}) {
      const meeting = liveMeeting(meetingId);
      const target = emitTo(options);
      const host = state.users.byId(meeting.host_id);
      const activity = editMeetingInZoom(meeting, edit, { email: meeting.host_email, id: meeting.host_id }, state.now(), host?.accountId ?? '');
      return emitMeetingActivity(state, activity, target);
    },
    async deleteMeetingInZoom(meetingId, options = {}) {
      const meeting = liveMeeting(meetingId);
      const target = emitTo(options);
      const host = state.users.byId(meeting.host_id);
      return emitMeetingActivity(state, deleteMeetingInZoom(meeting, { email: meeting.host_email, id: meeting.host_id }, state.now(), host?.accountId ?? ''), target);
    },
    hostConcurrency: (options) => hostConcurrency(state.meetings.list(), options),
    meetingParticipants: (meetingId) => state.liveMeetings.participants(liveMeeting(meetingId).id),
    injectWebhookFault: (rule) => state.webhookFaults.add(rule),
    webhookFaults: () => state.webhookFaults.list(),
    clearWebhookFaults: () => state.webhookFaults.clear(),
    webhookDeliveries: () => state.webhooks.list(),
    deliverDueWebhooks: () => state.webhooks.deliverDue(),
    settleWebhooks: () => state.webhooks.settle(),
    policy: () => structuredClone(state.policy),
    setPolicy: (changes) => {
      const problem = describeInvalidPolicy(changes);
      if (problem) throw new Error(problem);
      state.policy = { ...state.policy, ...structuredClone(changes) };
      return structuredClone(state.policy);
    },
    reset: () => resetSimulatorState(state),
  };
  return control;
}
