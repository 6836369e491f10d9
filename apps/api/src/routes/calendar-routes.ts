import { Router, type Request } from 'express';
import { calendarEndpoints, ICS_CONTENT_TYPE } from '@crm/shared/calendar';
import type { AppDeps } from '../app-deps';
import { getCalendarFeedStatus, regenerateCalendarFeed, renderCalendarFeedFor, revokeCalendarFeed, type CalendarFeedDeps } from '../domain/calendar/calendar-feed';
import { getInterviewInviteForViewer } from '../domain/invitations/get-interview-invite-for-viewer';
import type { Viewer } from '../domain/interviews/present-interview';
import { listOutboxMessages } from '../domain/outbox/list-outbox-messages';
import { requireRole, requireSignedIn } from '../http/middleware/require-role';
import { requireSession } from '../http/request-context';
import { noContent, route, sendDocument } from '../http/typed-route';

function viewerOf(req: Request): Viewer {
  const session = requireSession(req);
  return { userId: session.userId, role: session.role };
}

/** Invitations as `.ics`, the interviewers' subscribable feeds, and the outbox for admins. */
export function calendarRoutes(deps: AppDeps): Router {
  const router = Router();
  const feedDeps: CalendarFeedDeps = { feeds: deps.store.calendarFeeds, interviews: deps.store.interviews, invitations: deps.invitations.deps, publicUrl: deps.invitations.publicUrl };
  const interviewers = [requireRole('interviewer')];

  route(router, calendarEndpoints.interviewInvite, [requireSignedIn], async ({ params }, req, res) => {
    const ics = await getInterviewInviteForViewer({ interviews: deps.meetings.interviews, invitations: deps.invitations.deps }, viewerOf(req), params.id);
    return sendDocument(res, { contentType: `${ICS_CONTENT_TYPE}; method=${/^METHOD:(\w+)/m.exec(ics)?.[1] ?? 'REQUEST'}`, body: ics, filename: 'invite.ics' });
  });

  // No session: calendar apps fetch it with the secret in the path as the only credential.
  route(router, calendarEndpoints.feed, async ({ params }, _req, res) => sendDocument(res, { contentType: ICS_CONTENT_TYPE, body: await renderCalendarFeedFor(feedDeps, params.secret) }));

  route(router, calendarEndpoints.feedStatus, interviewers, async (_input, req) => getCalendarFeedStatus(feedDeps, viewerOf(req).userId));

  route(router, calendarEndpoints.regenerateFeed, interviewers, async (_input, req) => regenerateCalendarFeed(feedDeps, viewerOf(req).userId));

  route(router, calendarEndpoints.revokeFeed, interviewers, async (_input, req, res) => {
    await revokeCalendarFeed(feedDeps, viewerOf(req).userId);
    return noContent(res);
  });

  route(router, calendarEndpoints.outbox, [requireRole('admin')], async () => ({ messages: await listOutboxMessages(deps.store.outbox) }));

  return router;
}
