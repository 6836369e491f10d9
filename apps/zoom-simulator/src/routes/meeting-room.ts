import express, { Router, type Response } from 'express';
import type { ZoomSimulatorControl } from '../control/zoom-simulator-control';
import type { EmittedActivity } from '../live-meetings/emit-meeting-activity';
import { stringParam } from './request-context';

/** The form posts of the join page's live-meeting controls; each acts, then goes back to the page with what happened. */
export function meetingRoomRouter(control: ZoomSimulatorControl): Router {
  const router = Router();
  router.use('/j/:meetingId', express.urlencoded({ extended: false, limit: '8kb' }));

  const act = async (res: Response, meetingId: string, what: string, action: () => Promise<EmittedActivity>) => {
    let notice: string;
    try {
      const activity = await action();
      notice = `${what}: ${activity.events.map((e) => `${e.event} ${e.fate}`).join(', ') || 'no events'}.`;
    } catch (error) {
      notice = `${what} failed: ${error instanceof Error ? error.message : String(error)}`;
    }
    res.redirect(303, `/j/${encodeURIComponent(meetingId)}?notice=${encodeURIComponent(notice)}`);
  };

  router.post('/j/:meetingId/host-join', (req, res) => act(res, req.params.meetingId, 'Host joined', () => control.hostJoins(req.params.meetingId)));
  router.post('/j/:meetingId/guest-join', (req, res) => {
    const body = (req.body ?? {}) as { name?: unknown; email?: unknown };
    const name = stringParam(body.name)?.trim();
    const email = stringParam(body.email)?.trim();
    if (!name) return act(res, req.params.meetingId, 'Guest join', () => Promise.reject(new Error('a name is required')));
    return act(res, req.params.meetingId, `${name} joined`, () => control.guestJoins(req.params.meetingId, { name, ...(email ? { email } : {}) }));
  });
  router.post('/j/:meetingId/participants/:participantId/admit', (req, res) =>
    act(res, req.params.meetingId, 'Admitted', () => control.admitGuest(req.params.meetingId, req.params.participantId)),
  );
  router.post('/j/:meetingId/participants/:participantId/leave', (req, res) =>
    act(res, req.params.meetingId, 'Left', () => control.participantLeaves(req.params.meetingId, req.params.participantId)),
  );
  router.post('/j/:meetingId/end', (req, res) => act(res, req.params.meetingId, 'Meeting ended', () => control.endMeeting(req.params.meetingId)));
  return router;
}
