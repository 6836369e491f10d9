import express, { Router, type Response } from 'express';
import { describeInvalidPolicy } from '../control/describe-invalid-policy';
import type { ZoomSimulatorControl } from '../control/zoom-simulator-control';
import { describeInvalidFaultRule, type FaultRule } from '../faults/fault-injector';
import { stringParam } from './request-context';
import { describeInvalidWebhookFault, type WebhookFaultRule } from '../webhooks/webhook-faults';

/** /__sim: the control API over HTTP for browser tests and other processes. issuedSecrets stays in-process. */
export function controlRouter(control: ZoomSimulatorControl): Router {
  const router = Router();
  router.use(express.json());

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/requests', (_req, res) => {
    res.json(control.requests());
  });
  router.get('/stats', (_req, res) => {
    res.json(control.stats());
  });
  router.get('/violations', (_req, res) => {
    res.json(control.specViolations());
  });
  router.get('/meetings', (req, res) => {
    const hostId = stringParam(req.query.hostId);
    res.json(control.meetings(hostId === undefined ? {} : { hostId }));
  });
  // Double-booked hosts: `?allowance=2` for every host (default 1).
  router.get('/host-concurrency', (req, res) => {
    const allowance = Number(stringParam(req.query.allowance) ?? '1');
    if (!Number.isInteger(allowance) || allowance < 1) return void res.status(400).json({ error: 'allowance must be a whole number of at least 1' });
    res.json(control.hostConcurrency({ allowance }));
  });
  router.get('/users', (_req, res) => {
    res.json(control.users());
  });

  router.get('/faults', (_req, res) => {
    res.json(control.faults());
  });
  router.post('/faults', (req, res) => {
    const problem = describeInvalidFaultRule(req.body);
    if (problem) return void res.status(400).json({ error: problem });
    res.status(201).json({ id: control.injectFault(req.body as FaultRule) });
  });
  router.delete('/faults', (_req, res) => {
    control.clearFaults();
    res.status(204).end();
  });

  router.post('/reset', (_req, res) => {
    control.reset();
    res.status(204).end();
  });
  router.post('/access-token-ttl', (req, res) => {
    const seconds = (req.body as { seconds?: unknown } | undefined)?.seconds;
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) {
      return void res.status(400).json({ error: 'Send {"seconds": <positive number>}' });
    }
    control.setAccessTokenTtlSeconds(seconds);
    res.status(204).end();
  });
  router.post('/expire-access-tokens', (req, res) => {
    control.expireAccessTokens(stringParam((req.body as { zoomUserId?: unknown } | undefined)?.zoomUserId));
    res.status(204).end();
  });
  router.post('/users/:id/rotate-refresh-token', (req, res) => {
    res.json(control.rotateRefreshTokenElsewhere(req.params.id));
  });

  router.post('/webhooks/app-deauthorized', async (req, res) => {
    const body = (req.body ?? {}) as { zoomUserId?: unknown; url?: unknown; timestamp?: unknown };
    const zoomUserId = stringParam(body.zoomUserId);
    if (!zoomUserId || !control.users().some((u) => u.id === zoomUserId)) {
      return void res.status(404).json({ error: `Unknown zoomUserId ${JSON.stringify(body.zoomUserId)}` });
    }
    await deliver(res, () => control.sendDeauthorization(zoomUserId, webhookOptions(body)));
  });
  router.post('/webhooks/url-validation', async (req, res) => {
    const body = (req.body ?? {}) as { url?: unknown; timestamp?: unknown };
    await deliver(res, () => control.sendUrlValidation(webhookOptions(body)));
  });

  // Meeting activity: each answers with the events sent ({participantId, events: [{event, fate, statuses}]}).
  router.post('/meetings/:id/host-join', async (req, res) => {
    await deliver(res, () => control.hostJoins(req.params.id, webhookOptions(bodyOf(req.body))));
  });
  router.post('/meetings/:id/guest-join', async (req, res) => {
    const body = (req.body ?? {}) as { name?: unknown; email?: unknown; url?: unknown; timestamp?: unknown };
    const name = stringParam(body.name);
    if (!name) return void res.status(400).json({ error: 'Send {"name": "<display name>", "email"?: "<email>"}' });
    const email = stringParam(body.email);
    await deliver(res, () => control.guestJoins(req.params.id, { name, ...(email ? { email } : {}) }, webhookOptions(body)));
  });
  router.post('/meetings/:id/participants/:participantId/admit', async (req, res) => {
    await deliver(res, () => control.admitGuest(req.params.id, req.params.participantId, webhookOptions(bodyOf(req.body))));
  });
  router.post('/meetings/:id/participants/:participantId/leave', async (req, res) => {
    await deliver(res, () => control.participantLeaves(req.params.id, req.params.participantId, webhookOptions(bodyOf(req.body))));
  });
  router.post('/meetings/:id/end', async (req, res) => {
    await deliver(res, () => control.endMeeting(req.params.id, webhookOptions(bodyOf(req.body))));
  });
  router.post('/meetings/:id/edit-in-zoom', async (req, res) => {
    const body = bodyOf(req.body) as { start_time?: unknown; duration?: unknown; topic?: unknown; timezone?: unknown };
    const edit = {
      ...(typeof body.start_time === 'string' ? { start_time: body.start_time } : {}),
      ...(typeof body.duration === 'number' ? { duration: body.duration } : {}),
      ...(typeof body.topic === 'string' ? { topic: body.topic } : {}),
      ...(typeof body.timezone === 'string' ? { timezone: body.timezone } : {}),
    };
    if (Object.keys(edit).length === 0) return void res.status(400).json({ error: 'Send at least one of start_time, duration, topic, timezone' });
    await deliver(res, () => control.editMeetingInZoom(req.params.id, edit, webhookOptions(bodyOf(req.body))));
  });
  router.post('/meetings/:id/delete-in-zoom', async (req, res) => {
    await deliver(res, () => control.deleteMeetingInZoom(req.params.id, webhookOptions(bodyOf(req.body))));
  });
  router.get('/meetings/:id/participants', (req, res) => {
    try {
      res.json(control.meetingParticipants(req.params.id));
    } catch (error) {
      res.status(404).json({ error: error instanceof Error ? error.message : String(error) });
    }
  });
  router.get('/webhook-faults', (_req, res) => {
    res.json(control.webhookFaults());
  });
  router.post('/webhook-faults', (req, res) => {
    const problem = describeInvalidWebhookFault(req.body);
    if (problem) return void res.status(400).json({ error: problem });
    res.status(201).json({ id: control.injectWebhookFault(req.body as WebhookFaultRule) });
  });
  router.delete('/webhook-faults', (_req, res) => {
    control.clearWebhookFaults();
    res.status(204).end();
  });

  router.get('/webhooks/deliveries', (_req, res) => {
    res.json(control.webhookDeliveries());
  });
  router.post('/webhooks/deliver-due', async (_req, res) => {
    res.json({ attempted: await control.deliverDueWebhooks() });
  });
  router.post('/webhooks/settle', async (_req, res) => {
    await control.settleWebhooks();
    res.status(204).end();
  });

  router.get('/policy', (_req, res) => {
    res.json(control.policy());
  });
  router.post('/policy', (req, res) => {
    const problem = describeInvalidPolicy(req.body);
    if (problem) return void res.status(400).json({ error: problem });
    // JSON has no undefined: null switches a feature (rate limits, revoke's deauthorization) off.
    const changes = Object.fromEntries(Object.entries(req.body as Record<string, unknown>).map(([key, value]) => [key, value ?? undefined]));
    res.json(control.setPolicy(changes));
  });

  return router;
}

function webhookOptions(body: { url?: unknown; timestamp?: unknown }) {
  return {
    ...(typeof body.url === 'string' ? { url: body.url } : {}),
    ...(typeof body.timestamp === 'number' ? { timestamp: body.timestamp } : {}),
  };
}

async function deliver(res: Response, send: () => Promise<unknown>): Promise<void> {
  try {
    res.json(await send());
  } catch (error) {
    // A missing url or an unreachable receiver is the caller's setup problem, not a simulator crash.
    res.status(400).json({ error: error instanceof Error ? error.message : String(error) });
  }
}

function bodyOf(body: unknown): { url?: unknown; timestamp?: unknown } {
  return typeof body === 'object' && body !== null ? (body) : {};
}
