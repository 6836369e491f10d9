import { randomUUID } from 'node:crypto';

/**
 * What can go wrong between Zoom and a receiver, applied to the events the simulator emits:
 * `drop` never sends it, `duplicate` sends the same body twice (as a Zoom retry would), `delay` sends it
 * after `delayMs` of simulator time.
 */
export interface WebhookFaultRule {
  /** Only this event type (e.g. `meeting.participant_joined`); every type when absent. */
  event?: string;
  action: 'drop' | 'duplicate' | 'delay';
  delayMs?: number;
  /** Apply this many times, then deliver normally; forever when absent. */
  times?: number;
}

export interface ActiveWebhookFault extends WebhookFaultRule {
  id: string;
}

export function describeInvalidWebhookFault(rule: unknown): string | null {
  if (typeof rule !== 'object' || rule === null) return 'Send a webhook fault {action: "drop"|"duplicate"|"delay", event?, delayMs?, times?}';
  const { action, event, delayMs, times } = rule as Record<string, unknown>;
  if (action !== 'drop' && action !== 'duplicate' && action !== 'delay') return 'action must be "drop", "duplicate" or "delay"';
  if (event !== undefined && typeof event !== 'string') return 'event must be a string';
  if (action === 'delay' && (typeof delayMs !== 'number' || !Number.isFinite(delayMs) || delayMs < 0)) return 'delay needs delayMs >= 0';
  if (times !== undefined && (typeof times !== 'number' || !Number.isInteger(times) || times < 1)) return 'times must be a positive integer';
  return null;
}

export class WebhookFaults {
  private rules: ActiveWebhookFault[] = [];

  add(rule: WebhookFaultRule): string {
    const problem = describeInvalidWebhookFault(rule);
    if (problem) throw new Error(problem);
    const id = randomUUID();
    this.rules.push({ ...rule, id });
    return id;
  }

  /** The first rule matching this event, counted as used. */
  take(event: string): ActiveWebhookFault | undefined {
    const rule = this.rules.find((r) => r.event === undefined || r.event === event);
    if (!rule) return undefined;
    if (rule.times !== undefined) {
      rule.times -= 1;
      if (rule.times <= 0) this.rules = this.rules.filter((r) => r !== rule);
    }
    return { ...rule };
  }

  list(): ActiveWebhookFault[] {
    return this.rules.map((r) => ({ ...r }));
  }

  clear(): void {
    this.rules = [];
  }
}
