import { randomUUID } from 'node:crypto';
import type { WebhookDeliveryPolicy } from '../simulator-options';
import { postSignedWebhook, type WebhookDelivery } from './send-webhook';

export interface WebhookAttempt {
  /** Simulator clock, epoch ms. */
  at: number;
  /** 0 when the receiver did not answer in time or could not be reached. */
  status: number;
  error?: string;
}

export interface WebhookDeliveryRecord {
  id: string;
  event: string;
  url: string;
  createdAt: number;
  /** `scheduled` before the first attempt, `retrying` between attempts, then `delivered` or `dropped`. */
  state: 'scheduled' | 'retrying' | 'delivered' | 'dropped';
  attempts: WebhookAttempt[];
  nextAttemptAt?: number;
}

export interface WebhookMessage {
  url: string;
  secretToken: string;
  /** Fixed x-zm-request-timestamp; by default each attempt is signed at its own time. */
  timestampSeconds?: number;
  event: { event: string } & Record<string, unknown>;
}

interface Pending {
  record: WebhookDeliveryRecord;
  message: WebhookMessage;
  timer: NodeJS.Timeout;
}

/**
 * Delivers webhooks as Zoom does: a 2xx within the timeout counts, anything else is retried after
 * each configured delay and then dropped. Waits run on the simulator clock (deliverDue) and on real
 * timers shortened by timeScale, whichever comes first.
 */
export class WebhookDispatcher {
  private records: WebhookDeliveryRecord[] = [];
  private pending = new Map<string, Pending>();
  private inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly now: () => number,
    private readonly policy: () => WebhookDeliveryPolicy,
  ) {}

  /** Attempts at once and returns that first attempt's answer; retries, if any, follow in the background. */
  async sendNow(message: WebhookMessage): Promise<{ record: WebhookDeliveryRecord; delivery?: WebhookDelivery; error?: string }> {
    const record = this.newRecord(message);
    const outcome = await this.track(this.attempt(record, message));
    return { record: { ...record, attempts: [...record.attempts] }, ...outcome };
  }

  /** Queues the first attempt after delayMs of simulator time. */
  schedule(message: WebhookMessage, delayMs: number): WebhookDeliveryRecord {
    const record = this.newRecord(message);
    // No delay: on the wire at once, so settle() waits for it; it may still land before the caller's own answer.
    if (delayMs <= 0) void this.track(this.attempt(record, message));
    else this.queue(record, message, delayMs);
    return { ...record };
  }

  /** Runs every attempt whose time has come on the simulator clock; resolves when they have answered. */
  async deliverDue(): Promise<number> {
    const due = [...this.pending.values()].filter((p) => (p.record.nextAttemptAt ?? Infinity) <= this.now());
    await Promise.all(due.map((p) => this.fire(p.record.id)));
    return due.length;
  }

  /** Resolves once no attempt is on the wire (later retries may still be queued). */
  async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  list(): WebhookDeliveryRecord[] {
    return this.records.map((r) => ({ ...r, attempts: r.attempts.map((a) => ({ ...a })) }));
  }

  /** Drops queued attempts and their timers, so nothing fires after a test ends; the records stay. */
  cancelQueued(): void {
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.record.state = 'dropped';
      delete p.record.nextAttemptAt;
    }
    this.pending.clear();
  }

  reset(): void {
    this.cancelQueued();
    this.records = [];
  }

  private newRecord(message: WebhookMessage): WebhookDeliveryRecord {
    const record: WebhookDeliveryRecord = {
      id: randomUUID(),
      event: message.event.event,
      url: message.url,
      createdAt: this.now(),
      state: 'scheduled',
      attempts: [],
    };
    this.records.push(record);
    return record;
  }

  private queue(record: WebhookDeliveryRecord, message: WebhookMessage, delayMs: number): void {
    record.nextAttemptAt = this.now() + delayMs;
    const realDelayMs = delayMs / Math.max(this.policy().timeScale, Number.MIN_VALUE);
    const timer = setTimeout(() => void this.fire(record.id), Math.min(realDelayMs, 2 ** 31 - 1));
    // A queued retry must never keep a test process alive.
    timer.unref();
    this.pending.set(record.id, { record, message, timer });
  }

  private fire(id: string): Promise<unknown> {
    const pending = this.pending.get(id);
    if (!pending) return Promise.resolve();
    this.pending.delete(id);
    clearTimeout(pending.timer);
    return this.track(this.attempt(pending.record, pending.message));
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.inFlight.add(promise);
    void promise.finally(() => this.inFlight.delete(promise));
    return promise;
  }

  private async attempt(record: WebhookDeliveryRecord, message: WebhookMessage): Promise<{ delivery?: WebhookDelivery; error?: string }> {
    const policy = this.policy();
    const at = this.now();
    delete record.nextAttemptAt;
    let delivery: WebhookDelivery | undefined;
    let error: string | undefined;
    try {
      delivery = await postSignedWebhook({
        url: message.url,
        secretToken: message.secretToken,
        timestampSeconds: message.timestampSeconds ?? Math.floor(at / 1000),
        event: message.event,
        timeoutMs: policy.timeoutMs,
      });
    } catch (cause) {
      // AbortSignal.timeout rejects with a DOMException named TimeoutError, which is not always instanceof Error.
      const name = typeof cause === 'object' && cause !== null ? (cause as { name?: unknown }).name : undefined;
      error = name === 'TimeoutError' ? `no answer within ${policy.timeoutMs} ms` : String(cause);
    }
    const status = delivery?.status ?? 0;
    record.attempts.push({ at, status, ...(error === undefined ? {} : { error }) });

    if (status >= 200 && status < 300) {
      record.state = 'delivered';
    } else {
      const retryDelayMs = policy.retryDelaysMs[record.attempts.length - 1];
      if (retryDelayMs === undefined) {
        record.state = 'dropped';
      } else {
        record.state = 'retrying';
        this.queue(record, message, retryDelayMs);
      }
    }
    return { ...(delivery === undefined ? {} : { delivery }), ...(error === undefined ? {} : { error }) };
  }
}
