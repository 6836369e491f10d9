import type { Agent } from 'supertest';
import type { CreateInterviewRequest, Interview } from '@crm/shared/interviews';
import { DEFAULT_SIMULATED_USERS } from '@crm/zoom-simulator';

/** The simulator's default Server-to-Server app, hosting as the account owner (an email, as admins should configure). */
export const SYSTEM_HOST = DEFAULT_SIMULATED_USERS.find((user) => user.email === 'zoom-admin@example.com')!;
export const S2S_ENV = {
  ZOOM_ACCOUNT_ID: 'sim-account-001',
  ZOOM_S2S_CLIENT_ID: 'sim-s2s-client-id',
  ZOOM_S2S_CLIENT_SECRET: 'sim-s2s-client-secret',
  ZOOM_USER_ID: SYSTEM_HOST.email,
  // Fast retries in tests; Retry-After is still honoured in full, on the API's test clock (see test-clock.ts).
  ZOOM_HTTP_RETRY_BASE_MS: '5',
  MEETING_WORKER_INTERVAL_MS: '50',
} as const;

let counter = 0;
export function interviewRequest(interviewerId: string, overrides: Partial<CreateInterviewRequest> = {}): CreateInterviewRequest & { interviewerId: string } {
  counter += 1;
  return {
    candidateName: `Casey Candidate ${counter}`,
    candidateEmail: `casey-${counter}@candidate.example`,
    position: 'Backend Engineer',
    interviewerId,
    // A slot of its own (no conflicts) within the one-year horizon, however many a test asks for: a day each, then an hour later.
    startTime: new Date(Date.now() + (2 + (counter % 360)) * 24 * 60 * 60 * 1000 + Math.floor(counter / 360) * 60 * 60 * 1000)
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z'),
    timeZone: 'Europe/Berlin',
    durationMinutes: 45,
    agenda: 'System design and a short coding exercise',
    ...overrides,
  };
}

export async function scheduleOverHttp(agent: Agent, body: CreateInterviewRequest): Promise<{ status: number; interview: Interview }> {
  const response = await agent.post('/api/interviews').send(body);
  if (response.status !== 201 && response.status !== 202) throw new Error(`POST /api/interviews answered ${response.status}: ${response.text}`);
  return { status: response.status, interview: (response.body as { interview: Interview }).interview };
}

/** Polls until `check` passes or the time runs out (the worker runs on its own timer). */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
