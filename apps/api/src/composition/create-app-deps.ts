import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { AppDeps } from '../app-deps';
import type { Env } from '../config/env';
import { CipherSecretVault } from '../data/secret-vault';
import type { InterviewDeps } from '../domain/interviews/interview-deps';
import { makeFirstInvitations } from '../domain/invitations/first-invitation';
import { makeOnInterviewChanged } from '../domain/invitations/issue-interview-invitation';
import { makeOnRemovedFromPanel } from '../domain/invitations/cancel-for-removed-panel-members';
import { makeCreateZoomMeeting } from '../domain/meetings/create-zoom-meeting';
import { makeDeleteZoomMeeting } from '../domain/meetings/delete-zoom-meeting';
import { makeFindUnconfirmedZoomMeeting } from '../domain/meetings/find-unconfirmed-zoom-meeting';
import { makeGetZoomStartUrl } from '../domain/meetings/get-zoom-start-url';
import type { MeetingServiceDeps } from '../domain/meetings/meeting-service-deps';
import { makeUpdateZoomMeeting } from '../domain/meetings/update-zoom-meeting';
import type { Clock } from '../domain/ports/clock';
import type { Store } from '../domain/ports/store';
import { RefreshingUserAccessTokens } from '../domain/zoom-connection/refreshing-user-access-tokens';
import { createMeetingSyncWorker } from '../jobs/meeting-sync-worker';
import { hmacPageCursors } from '../domain/pagination/page-cursor';
import { createInvitationServices } from './create-invitation-services';
import { createReminderServices } from './create-reminder-services';
import { hmacOAuthStateSigner } from '../security/oauth-state-signing';
import { scryptPasswordHasher } from '../security/password-hashing';
import { SessionStatusCache } from '../security/session-status-cache';
import { TokenCipher } from '../security/token-cipher';
import { createZoomClients } from './create-zoom-clients';
import { createSsoServices } from './create-sso-services';
import { createZoomEventServices, type ZoomEventOptions } from './create-zoom-event-services';
import { makePastMeetingParticipants } from '../domain/zoom-events/list-past-meeting-participants';
import { unrefTimer } from './unref-timer';
import { fallbackHostPool } from '../config/fallback-hosts';

/**
 * Builds every service the HTTP layer and the jobs use, from the configuration, the store and the clock.
 * Starts nothing: start-api.ts starts the server and the background jobs.
 */
export function createAppDeps(env: Env, store: Store, logger: Logger, clock: Clock, zoomEventOptions: ZoomEventOptions = {}): AppDeps {
  const secrets = new CipherSecretVault(new TokenCipher(env.TOKEN_ENCRYPTION_KEYS));
  const zoom = createZoomClients(env, store, secrets, logger, clock);
  const userAccessTokens = new RefreshingUserAccessTokens({
    connections: store.zoomConnections,
    users: store.users,
    audit: store.audit,
    secrets,
    oauth: zoom.oauth,
    logger,
    clock,
    // Outlasts one token call, so a lease never lapses while its holder is still waiting on Zoom.
    leaseTtlMs: env.ZOOM_HTTP_TIMEOUT_MS + 10_000,
    atomically: (work) => store.atomically(work),
  });
  const poolHosts = fallbackHostPool(env);
  const meetingDeps: MeetingServiceDeps = {
    userAccessTokens,
    systemAccessTokens: zoom.serverToServer,
    systemHostUserId: env.ZOOM_USER_ID,
    ...(poolHosts ? { fallbackHosts: { hosts: poolHosts, slots: store.fallbackHostSlots, clock } } : {}),
    zoom: zoom.api,
    meetingDefaults: store.meetingDefaults,
    interviews: store.interviews,
    logger,
  };
  const invitations = createInvitationServices(env, store, logger, clock);
  // Keyed off the session secret (a derived key): a cursor is as unforgeable as a session.
  const pageCursors = hmacPageCursors(env.JWT_SECRET);
  const interviews: InterviewDeps = {
    interviews: store.interviews,
    users: store.users,
    audit: store.audit,
    createZoomMeeting: makeCreateZoomMeeting(meetingDeps),
    findUnconfirmedZoomMeeting: makeFindUnconfirmedZoomMeeting(meetingDeps),
    updateZoomMeeting: makeUpdateZoomMeeting(meetingDeps),
    deleteZoomMeeting: makeDeleteZoomMeeting(meetingDeps),
    getZoomStartUrl: makeGetZoomStartUrl(meetingDeps),
    logger,
    clock,
    owner: `${hostname()}:${process.pid}:${randomUUID()}`,
    // Outlasts the slowest create: every attempt timing out, Retry-After waits, plus token renewals.
    claimTtlMs: env.ZOOM_HTTP_TIMEOUT_MS * env.ZOOM_HTTP_MAX_ATTEMPTS * 3 + 120_000,
    retryBaseMs: env.MEETING_WORKER_INTERVAL_MS,
    interviewAttendance: store.interviewAttendance,
    onInterviewChanged: makeOnInterviewChanged(invitations.deps),
    onRemovedFromPanel: makeOnRemovedFromPanel(invitations.deps),
    createAnswerBudget: { ms: env.INTERVIEW_CREATE_ANSWER_MS, wait: unrefTimer },
    conflictBufferMinutes: env.SCHEDULING_CONFLICT_BUFFER_MINUTES,
    settings: store.settings,
    cursors: pageCursors,
    ...(meetingDeps.fallbackHosts ? { fallbackHosts: meetingDeps.fallbackHosts } : {}),
    schedulingReads: store.schedulingReads,
    firstInvitations: makeFirstInvitations(invitations.deps, makeOnInterviewChanged(invitations.deps)),
  };
  return {
    env,
    logger,
    store,
    passwords: scryptPasswordHasher,
    clock,
    sessions: new SessionStatusCache({
      lookup: (userId) => store.users.findById(userId),
      ttlMs: env.SESSION_CHECK_CACHE_MS,
      now: () => clock.now().getTime(),
    }),
    userAccessTokens,
    zoomConnection: {
      deps: {
        users: store.users,
        audit: store.audit,
        connections: store.zoomConnections,
        oauthStates: store.oauthStates,
        secrets,
        oauth: zoom.oauth,
        zoom: zoom.api,
        stateSigner: hmacOAuthStateSigner(env.OAUTH_STATE_SECRET),
        logger,
        clock,
        atomically: (work) => store.atomically(work),
        interviews,
        userAccessTokens,
        fallbackHostZoomUsers: [...(env.ZOOM_USER_ID ? [env.ZOOM_USER_ID] : []), ...(poolHosts ?? []).map((host) => host.zoomUserId)],
      },
      webhookSecretToken: env.ZOOM_WEBHOOK_SECRET_TOKEN ?? null,
    },
    meetings: {
      meetings: meetingDeps,
      interviews,
      systemToken: zoom.serverToServer,
      worker: createMeetingSyncWorker({ deps: interviews, leases: store.jobLeases, intervalMs: env.MEETING_WORKER_INTERVAL_MS, logger }),
    },
    zoomEvents: createZoomEventServices({ env, store, logger, clock, owner: interviews.owner, options: zoomEventOptions, secrets, pastMeetingParticipants: makePastMeetingParticipants(meetingDeps) }),
    invitations,
    reminders: createReminderServices(env, store, logger, clock, { fallbackAvailable: zoom.serverToServer !== null }),
    sso: createSsoServices(env, store, clock),
  };
}
