import { Router, type Request, type Response } from 'express';
import type { EndpointKey } from '../endpoint-keys';
import { applyMeetingUpdate, buildMeeting, startUrlOf, toMeetingListItem, toMeetingResponse, type MeetingRequestBody } from '../meeting-resource';
import type { SimulatedZoomUser } from '../simulated-zoom-user';
import { validateMeetingRequest } from '../spec/validate-meeting-request';
import type { SimulatorState } from '../state/simulator-state';
import { dailyLimitAnswer } from '../daily-limit-answer';
import { invalidJsonBody } from '../zoom-error-bodies';
import { refusedAlternativeHosts } from '../alternative-hosts-check';
import { resolveMeeting, resolveTargetUser } from './access-control';
import { principalWithScope } from './bearer-auth';
import { baseUrlOf, pathOf, requestContext, stringParam } from './request-context';
import { emitApiMeetingDeletion, emitApiMeetingUpdate, snapshotOf } from '../live-meetings/api-change-events';

const MAX_PAGE_SIZE = 300;

export function meetingsRouter(state: SimulatorState): Router {
  const router = Router();

  router.post('/users/:userId/meetings', (req, res) => {
    const principal = principalWithScope(res, 'meetings.create');
    if (!principal) return;
    const host = resolveTargetUser(state, principal, req.params.userId);
    if (!host.ok) return void res.status(host.status).json(host.body);
    noteHost(res, host.value);

    const body = validBody(state, req, res, 'meetings.create');
    if (!body) return;
    const refusedAlternatives = refusedAlternativeHosts(body.settings, host.value, state.users);
    if (refusedAlternatives) return void res.status(400).json(refusedAlternatives);
    if (!withinDailyLimit(state, res, host.value)) return;

    const id = state.meetings.newMeetingId();
    const meeting = buildMeeting({
      id,
      host: host.value,
      body,
      baseUrl: baseUrlOf(req),
      now: state.now(),
      startToken: state.startLinks.mint(id, state.policy.startLinks.ttlSeconds),
    });
    state.meetings.add(meeting);
    res.status(201).json(toMeetingResponse(meeting));
  });

  router.get('/users/:userId/meetings', (req, res) => {
    const principal = principalWithScope(res, 'meetings.list');
    if (!principal) return;
    const host = resolveTargetUser(state, principal, req.params.userId);
    if (!host.ok) return void res.status(host.status).json(host.body);
    noteHost(res, host.value);

    const now = state.now();
    const type = stringParam(req.query.type) ?? 'scheduled';
    const all = state.meetings.list({ hostId: host.value.id }).filter((m) => {
      const startsMs = Date.parse(m.start_time);
      if (type === 'live') return false;
      if (type === 'upcoming' || type === 'upcoming_meetings') return startsMs + m.duration * 60_000 >= now;
      if (type === 'previous_meetings') return startsMs + m.duration * 60_000 < now;
      return true;
    });
    const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Number(stringParam(req.query.page_size) ?? 30) || 30));
    const offset = decodePageToken(stringParam(req.query.next_page_token));
    const page = all.slice(offset, offset + pageSize);
    const nextOffset = offset + page.length;
    res.json({
      page_size: pageSize,
      total_records: all.length,
      next_page_token: nextOffset < all.length ? Buffer.from(String(nextOffset)).toString('base64url') : '',
      meetings: page.map(toMeetingListItem),
    });
  });

  router.get('/meetings/:meetingId', (req, res) => {
    const principal = principalWithScope(res, 'meetings.get');
    if (!principal) return;
    const meeting = resolveMeeting(state, principal, req.params.meetingId);
    if (!meeting.ok) return void res.status(meeting.status).json(meeting.body);
    requestContext(res).details.zoomUserId = meeting.value.host_id;
    // Zoom's documented way to get a working start link after the last one expired: read the meeting again.
    if (state.policy.startLinks.reissueOnRead) {
      const zak = state.startLinks.mint(meeting.value.id, state.policy.startLinks.ttlSeconds);
      meeting.value.start_url = startUrlOf(baseUrlOf(req), meeting.value.id, zak);
    }
    res.json(toMeetingResponse(meeting.value));
  });

  router.patch('/meetings/:meetingId', (req, res) => {
    const principal = principalWithScope(res, 'meetings.update');
    if (!principal) return;
    const meeting = resolveMeeting(state, principal, req.params.meetingId);
    if (!meeting.ok) return void res.status(meeting.status).json(meeting.body);
    const host = state.users.byId(meeting.value.host_id);
    if (host) noteHost(res, host);

    const body = validBody(state, req, res, 'meetings.update');
    if (!body) return;
    const refusedAlternatives = host ? refusedAlternativeHosts(body.settings, host, state.users) : null;
    if (refusedAlternatives) return void res.status(400).json(refusedAlternatives);
    if (host && !withinDailyLimit(state, res, host)) return;
    const before = snapshotOf(meeting.value);
    applyMeetingUpdate(meeting.value, body, baseUrlOf(req));
    res.status(204).end();
    emitApiMeetingUpdate(state, meeting.value, before, principal.zoomUserId);
  });

  router.delete('/meetings/:meetingId', (req, res) => {
    const principal = principalWithScope(res, 'meetings.delete');
    if (!principal) return;
    const meeting = resolveMeeting(state, principal, req.params.meetingId);
    if (!meeting.ok) return void res.status(meeting.status).json(meeting.body);
    requestContext(res).details.zoomUserId = meeting.value.host_id;
    meeting.value.deleted = true;
    meeting.value.deleted_at = new Date(state.now()).toISOString();
    res.status(204).end();
    emitApiMeetingDeletion(state, meeting.value, principal.zoomUserId);
  });

  return router;
}

function noteHost(res: Response, host: SimulatedZoomUser): void {
  const context = requestContext(res);
  context.details.zoomUserId = host.id;
  context.details.accountId = host.accountId;
}

/** The body if it satisfies Zoom's schema; otherwise answers 400 code 300 and records a spec violation. */
function validBody(state: SimulatorState, req: Request, res: Response, endpoint: 'meetings.create' | 'meetings.update'): MeetingRequestBody | undefined {
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    recordInvalidJson(state, req, endpoint);
    res.status(400).json(invalidJsonBody());
    return undefined;
  }
  const result = validateMeetingRequest(endpoint === 'meetings.create' ? 'create' : 'update', body);
  if (!result.valid) {
    state.log.recordViolation({ at: state.now(), endpoint, path: pathOf(req), errors: result.issues });
    res.status(400).json({ code: 300, message: 'Validation Failed.', errors: result.issues.map(({ field, message }) => ({ field, message })) });
    return undefined;
  }
  return body;
}

export function recordInvalidJson(state: SimulatorState, req: Request, endpoint: EndpointKey): void {
  state.log.recordViolation({
    at: state.now(),
    endpoint,
    path: pathOf(req),
    errors: [{ field: '', message: 'Request Body should be a valid JSON object.', source: 'zoom-docs', keyword: 'type' }],
  });
}

function withinDailyLimit(state: SimulatorState, res: Response, host: SimulatedZoomUser): boolean {
  const decision = state.quota.consume(host.id);
  if (decision.allowed) return true;
  const answer = dailyLimitAnswer(state.policy.dailyLimitResponse, { ...decision, hostEmail: host.email });
  for (const [name, value] of Object.entries(answer.headers)) res.set(name, value);
  res.status(answer.status).json(answer.body);
  return false;
}

function decodePageToken(token: string | undefined): number {
  if (!token) return 0;
  const offset = Number(Buffer.from(token, 'base64url').toString('utf8'));
  return Number.isInteger(offset) && offset >= 0 ? offset : 0;
}
