import { Router } from 'express';
import { renderExpiredStartLinkPage, renderMeetingLinkPage } from '../pages/meeting-link-page';
import { renderMeetingRoomControls } from '../pages/meeting-room-page';
import type { SimulatorState } from '../state/simulator-state';
import { stringParam } from './request-context';

/** Stand-ins for zoom.us/j/… and zoom.us/s/… so links the product shows lead somewhere in browser tests. */
export function meetingLinksRouter(state: SimulatorState): Router {
  const router = Router();
  router.get('/j/:meetingId', (req, res) => {
    const meeting = state.meetings.find(req.params.meetingId);
    const controls =
      meeting && !meeting.deleted ? renderMeetingRoomControls(req.params.meetingId, state.liveMeetings.participants(meeting.id), stringParam(req.query.notice)?.slice(0, 2000) ?? null) : '';
    res.type('html').set('Cache-Control', 'no-store').send(renderMeetingLinkPage('join', req.params.meetingId, controls));
  });
  router.get('/s/:meetingId', (req, res) => {
    res.type('html').set('Cache-Control', 'no-store');
    if (state.policy.startLinks.enforceExpiry) {
      const verdict = state.startLinks.check(req.params.meetingId, stringParam(req.query.zak));
      // Zoom does not start the meeting from a stale or forged link; the host has to sign in instead.
      if (verdict !== 'valid') return void res.status(403).send(renderExpiredStartLinkPage(req.params.meetingId, verdict));
    }
    res.send(renderMeetingLinkPage('start', req.params.meetingId));
  });
  return router;
}
