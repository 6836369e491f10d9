import type { EndpointKey } from '../endpoint-keys';
import type { TokenKind } from './token-store';

export type GrantType = 'authorization_code' | 'refresh_token' | 'account_credentials';
export type GrantCounts = Record<GrantType, number>;

export interface RecordedRequest {
  at: number;
  method: string;
  /** Path only: query strings can carry codes and state, which are never recorded. */
  path: string;
  endpoint: EndpointKey | 'unknown';
  /** 0 when an injected fault reset the connection without answering. */
  status: number;
  zoomUserId?: string;
  accountId?: string;
  grantType?: string;
  tokenKind?: TokenKind;
  faultId?: string;
}

export interface SpecViolation {
  at: number;
  endpoint: EndpointKey;
  path: string;
  errors: unknown[];
}

const GRANT_TYPES: readonly GrantType[] = ['authorization_code', 'refresh_token', 'account_credentials'];
const emptyCounts = (): GrantCounts => ({ authorization_code: 0, refresh_token: 0, account_credentials: 0 });

export class RequestLog {
  private records: RecordedRequest[] = [];
  private violations: SpecViolation[] = [];
  private grantsIssued = emptyCounts();
  private grantsRequested = emptyCounts();

  record(request: RecordedRequest): void {
    this.records.push(request);
  }

  recordTokenRequest(grantType: string, succeeded: boolean): void {
    if (!(GRANT_TYPES as readonly string[]).includes(grantType)) return;
    this.grantsRequested[grantType as GrantType] += 1;
    if (succeeded) this.grantsIssued[grantType as GrantType] += 1;
  }

  recordViolation(violation: SpecViolation): void {
    this.violations.push(violation);
  }

  requests(): RecordedRequest[] {
    return this.records.map((r) => ({ ...r }));
  }

  specViolations(): SpecViolation[] {
    return this.violations.map((v) => ({ ...v, errors: [...v.errors] }));
  }

  tokenGrantCounts(): GrantCounts {
    return { ...this.grantsIssued };
  }

  tokenRequestCounts(): GrantCounts {
    return { ...this.grantsRequested };
  }

  requestCountsByEndpoint(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const r of this.records) counts[r.endpoint] = (counts[r.endpoint] ?? 0) + 1;
    return counts;
  }

  reset(): void {
    this.records = [];
    this.violations = [];
    this.grantsIssued = emptyCounts();
    this.grantsRequested = emptyCounts();
  }
}
