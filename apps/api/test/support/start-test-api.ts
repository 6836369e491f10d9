import request from 'supertest';
import { CSRF_HEADER } from '@crm/shared/auth';
import type { SessionResponse } from '@crm/shared/auth';
import { createMemoryStore } from '../../src/data/memory/create-memory-store';
import type { Store } from '../../src/domain/ports/store';
import { hashPassword } from '../../src/security/password-hashing';
import { startApi, type RunningApi } from '../../src/composition/start-api';
import type { ZoomEventOptions } from '../../src/composition/create-zoom-event-services';
import type { Role } from '@crm/shared/auth';
import { CapturedLogs } from './captured-logs';
import { TestClock } from './test-clock';
import { testEnv } from './test-env';

export interface TestApi extends RunningApi {
  store: Store;
  logs: CapturedLogs;
  /** The API's clock: advance it instead of sleeping. */
  clock: TestClock;
}

/** The real API, in-process on a free 127.0.0.1 port, on the in-memory store, with a clock the test moves. */
export async function startTestApi(
  options: { env?: Record<string, string | undefined>; store?: Store; clock?: TestClock; zoomEvents?: ZoomEventOptions } = {},
): Promise<TestApi> {
  const clock = options.clock ?? new TestClock();
  // The store's clock (a database server's, for leases and claims) is the one the test moves.
  const store = options.store ?? createMemoryStore({ serverClock: clock.now });
  const logs = new CapturedLogs();
  const api = await startApi(testEnv(options.env), { store, logDestination: logs, clock, ...(options.zoomEvents ? { zoomEvents: options.zoomEvents } : {}) });
  return { ...api, store, logs, clock };
}

// Hashing is deliberately slow; tests reuse one hash per password.
const hashes = new Map<string, Promise<string>>();
export const TEST_PASSWORD = 'correct-horse-battery-1';

let counter = 0;
export async function createTestUser(store: Store, role: Role, overrides: { email?: string; name?: string; password?: string } = {}) {
  const password = overrides.password ?? TEST_PASSWORD;
  if (!hashes.has(password)) hashes.set(password, hashPassword(password));
  counter += 1;
  return store.users.create({
    name: overrides.name ?? `Test ${role} ${counter}`,
    email: overrides.email ?? `${role}-${counter}-${Date.now()}@example.test`,
    role,
    passwordHash: await hashes.get(password)!,
  });
}

/** A signed-in supertest agent that sends the CSRF header on every request, as the web app does. */
export async function signIn(api: RunningApi, email: string, password = TEST_PASSWORD) {
  const agent = request.agent(api.url);
  const response = await agent.post('/api/auth/login').send({ email, password }).expect(200);
  const session = response.body as SessionResponse;
  agent.set(CSRF_HEADER, session.csrfToken);
  return { agent, session };
}

export async function signInAs(api: TestApi, role: Role) {
  const user = await createTestUser(api.store, role);
  const signedIn = await signIn(api, user.email);
  return { user, ...signedIn };
}
