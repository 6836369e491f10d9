import { FaultInjector } from '../faults/fault-injector';
import type { ResolvedSimulatorOptions } from '../simulator-options';
import { DailyMeetingQuota } from './daily-meeting-quota';
import { MeetingStore } from './meeting-store';
import { RequestLog } from './request-log';
import { SecretIssuer } from './secret-issuer';
import { TokenStore } from './token-store';
import { UserDirectory } from './user-directory';

export interface SimulatorState {
  options: ResolvedSimulatorOptions;
  now: () => number;
  users: UserDirectory;
  secrets: SecretIssuer;
  tokens: TokenStore;
  meetings: MeetingStore;
  log: RequestLog;
  faults: FaultInjector;
  quota: DailyMeetingQuota;
  accessTokenTtlSeconds: number;
}

export function createSimulatorState(options: ResolvedSimulatorOptions): SimulatorState {
  const secrets = new SecretIssuer();
  const state: SimulatorState = {
    options,
    now: options.now,
    users: new UserDirectory(options.users),
    secrets,
    tokens: new TokenStore(secrets, options.now, () => state.accessTokenTtlSeconds),
    meetings: new MeetingStore(),
    log: new RequestLog(),
    faults: new FaultInjector(),
    quota: new DailyMeetingQuota(options.now, options.dailyMeetingLimitPerHost),
    accessTokenTtlSeconds: options.accessTokenTtlSeconds,
  };
  return state;
}

/** Clears everything a run accumulates; the issued-secret history stays so leak scans keep working. */
export function resetSimulatorState(state: SimulatorState): void {
  state.tokens.reset();
  state.meetings.reset();
  state.log.reset();
  state.faults.clear();
  state.quota.reset();
  state.accessTokenTtlSeconds = state.options.accessTokenTtlSeconds;
}
