import { Router } from 'express';
import type { SimulatorState } from '../state/simulator-state';
import { meetingDoesNotExist, notMeetingHost } from '../zoom-error-bodies';
import { principalWithScope } from './bearer-auth';
import { stringParam } from './request-context';

const MAX_PAGE_SIZE = 300;

/**
 * GET /past_meetings/{meetingId}/participants: who attended an ended meeting instance (by uuid, or the
 * meeting id for its latest instance), paged with `next_page_token` as Zoom pages it.
 */
export function pastMeetingsRouter(state: SimulatorState): Router {
  const router = Router();
  router.get('/past_meetings/:meetingId/participants', (req, res) => {
    const principal = principalWithScope(res, 'pastMeetings.participants');
    if (!principal) return;
    // Express has decoded the path once; a double-encoded uuid (one with '/' in it) still has one layer.
    const param = req.params.meetingId.includes('%') ? decodeURIComponent(req.params.meetingId) : req.params.meetingId;
    const past = state.pastMeetings.find(param);
    if (!past) return void res.status(404).json(meetingDoesNotExist(param));
    if (principal.kind === 'user' ? past.hostId !== principal.zoomUserId : state.users.byId(past.hostId)?.accountId !== principal.accountId) {
      return void res.status(principal.kind === 'user' ? 400 : 404).json(principal.kind === 'user' ? notMeetingHost() : meetingDoesNotExist(param));
    }
    const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Number(stringParam(req.query.page_size) ?? 30) || 30));
    const token = stringParam(req.query.next_page_token);
    const offset = token ? Number(Buffer.from(token, 'base64url').toString('utf8')) || 0 : 0;
    const page = past.participants.slice(offset, offset + pageSize);
    const nextOffset = offset + page.length;
    res.json({
      page_count: Math.ceil(past.participants.length / pageSize),
      page_size: pageSize,
      total_records: past.participants.length,
      next_page_token: nextOffset < past.participants.length ? Buffer.from(String(nextOffset)).toString('base64url') : '',
      participants: page,
    });
  });
  return router;
}
