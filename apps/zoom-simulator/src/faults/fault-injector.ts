import { randomUUID } from 'node:crypto';
import { isEndpointKey, type EndpointKey } from '../endpoint-keys';

export interface FaultRule {
  endpoint: EndpointKey;
  status?: number;
  body?: unknown;
  retryAfterSeconds?: number;
  latencyMs?: number;
  /** Destroy the socket without answering, like a dropped connection. */
  resetConnection?: boolean;
  /** Apply this many times, then serve normally; undefined applies forever. */
  times?: number;
}

export interface ActiveFault extends FaultRule {
  id: string;
}

export class FaultInjector {
  private rules: ActiveFault[] = [];

  add(rule: FaultRule): string {
    const problem = describeInvalidFaultRule(rule);
    if (problem) throw new Error(problem);
    const id = randomUUID();
    this.rules.push({ ...rule, id });
    return id;
  }

  /** The first rule for this endpoint, counted as used. */
  take(endpoint: EndpointKey | 'unknown'): ActiveFault | undefined {
    const rule = this.rules.find((r) => r.endpoint === endpoint);
    if (!rule) return undefined;
    if (rule.times !== undefined) {
      rule.times -= 1;
      if (rule.times <= 0) this.rules = this.rules.filter((r) => r !== rule);
    }
    return rule;
  }

  list(): ActiveFault[] {
    return this.rules.map((r) => ({ ...r }));
  }

  clear(): void {
    this.rules = [];
  }
}

export function describeInvalidFaultRule(rule: unknown): string | undefined {
  if (typeof rule !== 'object' || rule === null) return 'A fault rule must be an object';
  const r = rule as Record<string, unknown>;
  if (!isEndpointKey(r.endpoint)) return `endpoint must be one of the endpoint keys, got ${JSON.stringify(r.endpoint)}`;
  if (r.status !== undefined && !(Number.isInteger(r.status) && (r.status as number) >= 100 && (r.status as number) <= 599)) {
    return 'status must be an HTTP status code';
  }
  for (const key of ['retryAfterSeconds', 'latencyMs', 'times'] as const) {
    if (r[key] !== undefined && !(typeof r[key] === 'number' && Number.isFinite(r[key]) && r[key] >= 0)) return `${key} must be a non-negative number`;
  }
  if (r.times !== undefined && (r.times as number) < 1) return 'times must be at least 1';
  if (r.resetConnection !== undefined && typeof r.resetConnection !== 'boolean') return 'resetConnection must be a boolean';
  if (r.status === undefined && !r.resetConnection && r.latencyMs === undefined) return 'a fault needs status, resetConnection or latencyMs';
  return undefined;
}
