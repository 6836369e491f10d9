import { FaultInjector } from '../faults/fault-injector';
import { PerSecondRateLimiter } from '../rate-limits/per-second-rate-limiter';
import { policyOf, type ResolvedSimulatorOptions, type SimulatorPolicy } from '../simulator-options';
import { WebhookDispatcher } from '../webhooks/webhook-dispatcher';
import { WebhookFaults } from '../webhooks/webhook-faults';
import { LiveMeetings } from '../live-meetings/live-meetings';
import { PastMeetings } from '../live-meetings/past-meetings';
import { CloudRecordings } from '../recordings/cloud-recordings';
import { DailyMeetingQuota } from './daily-meeting-quota';
import { MeetingStore } from './meeting-store';
import { RequestLog } from './request-log';
import { SecretIssuer } from './secret-issuer';
import { StartLinkStore } from './start-link-store';
import { TokenStore } from './token-store';
import { UserDirectory } from './user-directory';

export interface SimulatorState {
  options: ResolvedSimulatorOptions;
  /** The behaviour switches in force now; the control API changes them, reset() restores the options. */
  policy: SimulatorPolicy;
  now: () => number;
  users: UserDirectory;
  secrets: SecretIssuer;
  tokens: TokenStore;
  meetings: MeetingStore;
  startLinks: StartLinkStore;
  log: RequestLog;
  faults: FaultInjector;
  quota: DailyMeetingQuota;
  rateLimiter: PerSecondRateLimiter;
  webhooks: WebhookDispatcher;
  /** Drop, duplicate or delay the events the simulator emits. */
  webhookFaults: WebhookFaults;
  /** Who is in which meeting now, and the events that produces. */
  liveMeetings: LiveMeetings;
  /** Cloud recordings (files behind download tokens) of meetings that ended. */
  recordings: CloudRecordings;
  /** Ended meeting instances, for GET /past_meetings/{uuid}/participants. */
  pastMeetings: PastMeetings;
  accessTokenTtlSeconds: number;
}

export function createSimulatorState(options: ResolvedSimulatorOptions): SimulatorState {
  const secrets = new SecretIssuer();
  const recordings = new CloudRecordings(options.now, secrets);
  const pastMeetings = new PastMeetings();
  const state: SimulatorState = {
    options,
    policy: policyOf(options),
    now: options.now,
    users: new UserDirectory(options.users),
    secrets,
    tokens: new TokenStore(secrets, options.now, () => state.accessTokenTtlSeconds, () => state.policy.singleAccessTokenPerUser),
    meetings: new MeetingStore(),
    startLinks: new StartLinkStore(options.now),
    log: new RequestLog(),
    faults: new FaultInjector(),
    quota: new DailyMeetingQuota(options.now, options.dailyMeetingLimitPerHost),
    rateLimiter: new PerSecondRateLimiter(options.now),
    webhooks: new WebhookDispatcher(options.now, () => state.policy.webhookDelivery),
    webhookFaults: new WebhookFaults(),
    liveMeetings: new LiveMeetings(options.now, (meeting) => state.users.byId(meeting.host_id)?.accountId ?? '', recordings, pastMeetings),
    recordings,
    pastMeetings,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds,
  };
  return state;
}

/** Clears everything a run accumulates; the issued-secret history stays so leak scans keep working. */
export function resetSimulatorState(state: SimulatorState): void {
  state.tokens.reset();
  state.meetings.reset();
  state.startLinks.reset();
  state.log.reset();
  state.faults.clear();
  state.quota.reset();
  state.rateLimiter.reset();
  state.webhooks.reset();
  state.webhookFaults.clear();
  state.liveMeetings.reset();
  state.recordings.reset();
  state.pastMeetings.reset();
  state.accessTokenTtlSeconds = state.options.accessTokenTtlSeconds;
  state.policy = policyOf(state.options);
}
