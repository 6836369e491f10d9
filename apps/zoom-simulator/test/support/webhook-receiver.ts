import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import express from 'express';
import { createZoomSimulator, ZOOM_FAITHFUL_OPTIONS, type ZoomSimulatorOptions } from '../../src/index';

export const RECEIVER_SECRET = 'receiver-secret-token';

export interface ReceivedWebhook {
  headers: Record<string, string | string[] | undefined>;
  rawBody: string;
  event: { event: string; event_ts: number; payload: Record<string, unknown> };
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** What the next deliveries are answered with; the last entry repeats. */
  answerWith(...answers: Array<{ status: number; delayMs?: number }>): void;
  close(): Promise<void>;
}

/** A product-like receiver that records raw bodies and answers as scripted (200 by default). */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let answers: Array<{ status: number; delayMs?: number }> = [{ status: 200 }];
  const app = express();
  app.post('/webhooks/zoom', express.raw({ type: '*/*' }), async (req, res) => {
    const rawBody = (req.body as Buffer).toString('utf8');
    received.push({ headers: req.headers, rawBody, event: JSON.parse(rawBody) as ReceivedWebhook['event'] });
    const answer = answers.length > 1 ? answers.shift()! : answers[0]!;
    if (answer.delayMs) await delay(answer.delayMs);
    if (!res.destroyed) res.status(answer.status).json({ ok: answer.status < 300 });
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/zoom`,
    received,
    answerWith: (...next) => {
      answers = next;
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export function signatureIsValid({ headers, rawBody }: ReceivedWebhook, secret = RECEIVER_SECRET): boolean {
  const expected = `v0=${createHmac('sha256', secret).update(`v0:${String(headers['x-zm-request-timestamp'])}:${rawBody}`).digest('hex')}`;
  const given = String(headers['x-zm-signature']);
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

/** Polls in 5 ms steps (never one long sleep) until the condition holds or 1 s has passed. */
export async function eventually(condition: () => boolean): Promise<void> {
  for (let waited = 0; waited < 1000; waited += 5) {
    if (condition()) return;
    await delay(5);
  }
  throw new Error('condition not met within 1 s');
}

/**
 * Gives each test a fresh receiver and a Zoom-faithful simulator that delivers to it, and stops both
 * after the test. `receiver` always points at the current test's receiver.
 */
export function useSimulatorWithReceiver() {
  let current: WebhookReceiver | null = null;
  let stop: () => void = () => undefined;
  const active = () => {
    if (!current) throw new Error('the receiver exists only inside a test');
    return current;
  };
  beforeEach(async () => {
    current = await startWebhookReceiver();
  });
  afterEach(async () => {
    stop();
    await current?.close();
    current = null;
  });
  const receiver: WebhookReceiver = {
    get url() {
      return active().url;
    },
    get received() {
      return active().received;
    },
    answerWith: (...answers) => active().answerWith(...answers),
    close: () => active().close(),
  };
  function simulator(options: ZoomSimulatorOptions = {}) {
    const sim = createZoomSimulator({ ...ZOOM_FAITHFUL_OPTIONS, webhook: { url: receiver.url, secretToken: RECEIVER_SECRET }, ...options });
    stop = sim.stop;
    return sim;
  }
  return { receiver, simulator };
}
