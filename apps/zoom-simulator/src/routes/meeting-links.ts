import { Router } from 'express';
import { renderMeetingLinkPage } from '../pages/meeting-link-page';

/** Stand-ins for zoom.us/j/… and zoom.us/s/… so links the product shows lead somewhere in browser tests. */
export function meetingLinksRouter(): Router {
  const router = Router();
  router.get('/j/:meetingId', (req, res) => {
    res.type('html').send(renderMeetingLinkPage('join', req.params.meetingId));
  });
  router.get('/s/:meetingId', (req, res) => {
    res.type('html').set('Cache-Control', 'no-store').send(renderMeetingLinkPage('start', req.params.meetingId));
  });
  return router;
}
