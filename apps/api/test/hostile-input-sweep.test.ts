/**
 * Hostile-input sweep: every API endpoint (the shared `*Endpoints` declarations, checked against the
 * routes the app actually mounts) gets generated hostile requests. Each must be refused with a 4xx and
 * the error envelope (code from ERROR_CODES), never a 5xx, and must leave the stored data (users,
 * connections, interviews, audit, OAuth states, ...) and the Zoom simulator exactly as they were.
 * Generation is seeded (HOSTILE_SEED to vary it); the per-endpoint case counts are printed at the end.
 */
import fc from 'fast-check';
import type { Store } from '../src/domain/ports/store';
import request, { type Response } from 'supertest';
import { SESSION_COOKIE, CSRF_HEADER, ROLES, type Role } from '@crm/shared/auth';
import { ERROR_CODES, errorEnvelopeSchema } from '@crm/shared/error-codes';
import { AUTO_RECORDING_OPTIONS } from '@crm/shared/interviews';
import { ZOOM_CALLBACK_RESULTS, ZOOM_CALLBACK_RESULT_PARAM } from '@crm/shared/zoom-connection';
import { createApp } from '../src/app';
import { declaredEndpoints as sharedDeclarations, mountedRoutes as mountedAppRoutes } from './support/api-surface';
import { createTestUser, TEST_PASSWORD } from './support/start-test-api';
import { interviewRequest } from './support/meeting-test-helpers';
import { connectZoom, rawMemoryStoreText, SIMULATED_INTERVIEWER, startTestStack, TEST_WEBHOOK_SECRET, TEST_ZOOM_APP, type TestStack } from './support/start-test-stack';
import { signIn } from './support/start-test-api';
import {
  badIdSegment,
  edgeText,
  forgedSessionCookie,
  forgedWebhook,
  headerText,
  hostileBody,
  percentEncode,
  unreadableBody,
  type BodySpec,
} from './hostile-input-arbitraries';

const SEED = Number(process.env.HOSTILE_SEED ?? 20_260_601);
const RUNS = 30;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface Declared {
  method: Method;
  path: string;
  body?: unknown;
  query?: unknown;
}

/** Every shared declaration (see support/api-surface.ts), so a new one is swept without anyone listing it here. */
function declaredEndpoints(): Declared[] {
  return sharedDeclarations().map(({ endpoint }) => endpoint);
}

/** What the Express app really mounts (read from its router, so nothing in src/routes is missed). */
function mountedRoutes(stack: TestStack): string[] {
  return mountedAppRoutes(createApp(stack.api.deps));
}

/** Mounted routes with no shared declaration: none any more (the load-balancer probes are `healthEndpoints`). */
const UNDECLARED_PROBES: string[] = [];

/** Who may call each endpoint. Every mounted route must be listed (the first test checks), so a new one cannot slip past the sweep. */
const ACCESS: Record<string, 'public' | 'signed-in' | Role[]> = {
  'GET /api/health': 'public',
  'GET /api/ready': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'public',
  'GET /api/auth/me': 'signed-in',
  'GET /api/admin/users': ['admin'],
  'POST /api/admin/users': ['admin'],
  'POST /api/auth/sign-out-everywhere': 'signed-in',
  'POST /api/auth/password': 'signed-in',
  'PUT /api/admin/users/:id/role': ['admin'],
  'POST /api/admin/users/:id/deactivate': ['admin'],
  'POST /api/admin/users/:id/reactivate': ['admin'],
  'GET /api/zoom/connect': 'signed-in',
  'GET /api/zoom/callback': 'public',
  'GET /api/zoom/status': 'signed-in',
  'GET /api/zoom/hosted-interviews': 'signed-in',
  'POST /api/zoom/disconnect': 'signed-in',
  'POST /api/zoom/webhook': 'public',
  'GET /api/admin/zoom/connections': ['admin'],
  'POST /api/admin/users/:id/zoom/disconnect': ['admin'],
  'GET /api/admin/zoom/events': ['admin'],
  'GET /api/interviews': 'signed-in',
  'POST /api/interviews': ['recruiter', 'admin'],
  'GET /api/interviews/:id': 'signed-in',
  'GET /api/interviews/:id/history': 'signed-in',
  'GET /api/scheduling-settings': 'signed-in',
  'GET /api/interviewers/availability': ['recruiter', 'admin'],
  'PUT /api/admin/scheduling-settings': ['admin'],
  'GET /api/interviews/:id/start': 'signed-in',
  'POST /api/interviews/:id/retry': ['recruiter', 'admin'],
  'PATCH /api/interviews/:id': ['recruiter', 'admin'],
  'DELETE /api/interviews/:id': ['recruiter', 'admin'],
  'GET /api/interviewers': ['recruiter', 'admin'],
  'GET /api/zoom/meeting-defaults': 'signed-in',
  'PUT /api/zoom/meeting-defaults': 'signed-in',
  'GET /api/admin/meeting-analytics': ['admin'],
  'GET /api/interviews/:id/invite.ics': 'signed-in',
  'GET /api/calendar/:secret.ics': 'public',
  'GET /api/calendar-feed': ['interviewer'],
  'POST /api/calendar-feed': ['interviewer'],
  'DELETE /api/calendar-feed': ['interviewer'],
  'GET /api/admin/outbox': ['admin'],
  'GET /api/reminders/zoom-reconnect': 'signed-in',
  'POST /api/admin/zoom/nudge': ['admin'],
  'GET /api/interviews/:id/recording': 'signed-in',
  'GET /api/admin/recording-settings': ['admin'],
  'PUT /api/admin/recording-settings': ['admin'],
  'GET /api/auth/methods': 'public',
  'GET /api/auth/sso/start': 'public',
  'GET /api/auth/sso/callback': 'public',
  'POST /api/auth/sso/logout': 'public',
  'POST /api/auth/set-password': 'public',
  'GET /api/admin/audit/events': ['admin'],
  'GET /api/admin/audit/export.csv': ['admin'],
  'POST /api/admin/users/invite': ['admin'],
  'POST /api/admin/users/:id/resend-invite': ['admin'],
};

interface Actor {
  id: string;
  email: string;
  role: Role;
  cookie: string;
  csrf: string;
  token: string;
}

interface World {
  stack: TestStack;
  actors: Record<'admin' | 'recruiter' | 'interviewer' | 'otherInterviewer', Actor>;
  interviewId: string;
}

/** Body endpoints: a valid body and the kind of each field (see hostile-input-arbitraries.ts). */
function bodySpecs(world: World): Record<string, BodySpec> {
  const interview: BodySpec['fields'] = {
    candidateName: { kind: 'text', max: 120, required: true },
    candidateEmail: { kind: 'email', required: true },
    position: { kind: 'text', max: 120, required: true },
    interviewerId: { kind: 'id', required: true },
    startTime: { kind: 'instant', required: true },
    timeZone: { kind: 'timeZone', required: true },
    durationMinutes: { kind: 'int', min: 5, max: 480, step: 5, required: true },
    agenda: { kind: 'text', max: 1800, required: false },
    notes: { kind: 'text', max: 5000, required: false },
    allowConflict: { kind: 'boolean', required: false },
  };
  const { interviewerId: _notUpdatable, ...updatable } = interview;
  return {
    'POST /api/auth/login': {
      valid: () => ({ email: world.actors.recruiter.email, password: 'not-the-password-1' }),
      fields: { email: { kind: 'email', required: true }, password: { kind: 'password', min: 1, max: 200, required: true } },
    },
    'POST /api/admin/users': {
      valid: () => ({ name: 'New Person', email: `new-${Date.now()}@example.test`, role: 'recruiter', password: 'a-long-enough-password' }),
      fields: {
        name: { kind: 'text', max: 120, required: true },
        email: { kind: 'email', required: true },
        role: { kind: 'enum', values: ROLES, required: true },
        password: { kind: 'password', min: 12, max: 200, required: true },
      },
    },
    'POST /api/auth/password': {
      valid: () => ({ currentPassword: 'not-the-password-1', newPassword: 'a-long-enough-password' }),
      fields: {
        currentPassword: { kind: 'password', min: 1, max: 200, required: true },
        newPassword: { kind: 'password', min: 12, max: 200, required: true },
      },
    },
    'PUT /api/admin/users/:id/role': {
      valid: () => ({ role: 'recruiter' }),
      fields: { role: { kind: 'enum', values: ROLES, required: true } },
    },
    'POST /api/interviews': { valid: () => ({ ...interviewRequest(world.actors.interviewer.id), notes: 'internal' }), fields: interview },
    'PATCH /api/interviews/:id': {
      valid: () => ({ notes: 'changed' }),
      fields: Object.fromEntries(Object.entries(updatable).map(([name, kind]) => [name, { ...kind, required: false }])),
      partial: true,
    },
    'PUT /api/admin/recording-settings': {
      valid: () => ({ transcriptRetentionDays: 30 }),
      fields: { transcriptRetentionDays: { kind: 'int', min: 1, max: 3650, required: true } },
    },
    'PUT /api/admin/scheduling-settings': {
      valid: () => ({ requireInterviewerZoom: false }),
      fields: { requireInterviewerZoom: { kind: 'boolean', required: true } },
    },
    'PUT /api/zoom/meeting-defaults': {
      valid: () => ({ waitingRoom: false, autoRecording: 'cloud', joinBeforeHost: true, muteUponEntry: false }),
      fields: {
        waitingRoom: { kind: 'boolean', required: true },
        autoRecording: { kind: 'enum', values: AUTO_RECORDING_OPTIONS, required: true },
        joinBeforeHost: { kind: 'boolean', required: true },
        muteUponEntry: { kind: 'boolean', required: true },
      },
    },
  };
}

/** Invalid query values; the first of each list stays invalid with text appended. */
const QUERY_PARAMS: Record<string, Record<string, string[]>> = {
  'GET /api/interviews': {
    when: ['tomorrow', 'ALL', '', 'upcoming ', '__proto__'],
    limit: ['0', '-1', '201', '1.5', 'abc', '1e3', '', '99999999999999999999'],
    includeCancelled: ['yes', '1', 'TRUE', ''],
    interviewerId: ['x'.repeat(65), ''],
  },
  'GET /api/admin/audit/events': {
    limit: ['0', '101', '-5', 'abc', '2.5', '', 'Infinity', 'NaN'],
    from: ['yesterday', '2030-13-01', '2030-02-30', ''],
    type: ['zoom.nothing', 'ALL', ''],
  },
};

function badQuery(endpoint: string): fc.Arbitrary<string> {
  const params = QUERY_PARAMS[endpoint]!;
  const names = Object.keys(params);
  const bad = fc.constantFrom(...names).chain((name) =>
    fc.oneof(
      fc.constantFrom(...params[name]!).map((value) => `${name}=${percentEncode(value)}`),
      // Repeated and bracketed keys: arrays or objects where a string is expected.
      fc.constant(`${name}=${percentEncode(params[name]![0]!)}&${name}=x`),
      fc.constant(`${name}[$gt]=&${name}=${percentEncode(params[name]![0]!)}`),
      edgeText(20).map((value) => `${name}=${percentEncode(`${params[name]![0]}${value}`)}`),
    ),
  );
  const noise = fc.array(fc.tuple(fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 12 })), { maxLength: 3 }).map((pairs) =>
    pairs.map(([key, value]) => `${percentEncode(key)}=${percentEncode(value)}`),
  );
  return fc.tuple(bad, noise).map(([one, others]) => [one, ...others].join('&'));
}

// ---------------------------------------------------------------------------------------------
// Sending and checking

interface HostileRequest {
  method: Method;
  /** Path and query, already encoded. */
  url: string;
  cookie?: string;
  headers?: Record<string, string>;
  body?: { contentType: string; data: string | Buffer };
}

async function send(world: World, hostile: HostileRequest): Promise<Response> {
  let call = request(world.stack.api.url)[hostile.method.toLowerCase() as 'get'](hostile.url).redirects(0);
  if (hostile.cookie !== undefined) call = call.set('Cookie', hostile.cookie);
  for (const [name, value] of Object.entries(hostile.headers ?? {})) call = call.set(name, value);
  // Sent byte for byte: superagent would otherwise JSON-encode a Buffer into a valid object.
  if (hostile.body) call = call.set('Content-Type', hostile.body.contentType).serialize((data: unknown) => data as string).send(hostile.body.data);
  return call;
}

/** The sweep's invariant for one response. */
function expectRefused(response: Response, what: string): void {
  const context = `${what} → ${response.status} ${response.text?.slice(0, 300)}`;
  if (response.status < 400 || response.status >= 500) throw new Error(`expected a 4xx: ${context}`);
  const envelope = errorEnvelopeSchema.safeParse(response.body);
  if (!envelope.success) throw new Error(`expected the error envelope with a code from ERROR_CODES: ${context}`);
}

function snapshot(world: World): string {
  const zoom = world.stack.zoom.control.stats();
  return JSON.stringify({
    // Rate-limit counters exist to count refused requests; everything else must stay as it was.
    store: rawMemoryStoreText({ ...world.stack.api.store, rateLimits: undefined } as unknown as Store),
    zoom: { requests: zoom.requestCount, meetings: zoom.meetingCount, tokens: zoom.tokenRequestCounts },
  });
}

const tally = new Map<string, { cases: number; families: Map<string, number>; codes: Map<string, number> }>();
function count(endpoint: string, family: string, response: Response): void {
  const row = tally.get(endpoint) ?? { cases: 0, families: new Map(), codes: new Map() };
  row.cases += 1;
  row.families.set(family, (row.families.get(family) ?? 0) + 1);
  const code = (response.body as { error?: { code?: string } })?.error?.code ?? String(response.status);
  row.codes.set(code, (row.codes.get(code) ?? 0) + 1);
  tally.set(endpoint, row);
}

/** One family for one endpoint: generated cases sent one by one; a failure is shrunk to the smallest hostile request. */
async function sweep<T>(world: World, endpoint: string, family: string, arbitrary: fc.Arbitrary<T>, build: (input: T) => HostileRequest, runs = RUNS): Promise<void> {
  await fc.assert(
    fc.asyncProperty(arbitrary, async (input) => {
      const hostile = build(input);
      const response = await send(world, hostile);
      count(endpoint, family, response);
      expectRefused(response, `${endpoint} [${family}] ${String(JSON.stringify(input)).slice(0, 300)}`);
    }),
    { numRuns: runs, seed: SEED },
  );
}

/** A public endpoint answers a forged session exactly as it answers no session: never a 5xx, never more. */
async function sweepPublicWithForgedSession<T>(world: World, endpoint: string, arbitrary: fc.Arbitrary<T>, build: (input: T) => HostileRequest): Promise<void> {
  await fc.assert(
    fc.asyncProperty(arbitrary, async (input) => {
      const hostile = build(input);
      const { cookie: _forged, ...withoutCookie } = hostile;
      const [forgedResponse, plainResponse] = [await send(world, hostile), await send(world, withoutCookie)];
      count(endpoint, 'forged session', forgedResponse);
      const what = `${endpoint} [forged session] ${String(JSON.stringify(input)).slice(0, 300)}`;
      if (forgedResponse.status >= 500) throw new Error(`expected no 5xx: ${what} → ${forgedResponse.status}`);
      if (forgedResponse.status !== plainResponse.status) {
        throw new Error(`a forged session changed the answer: ${what} → ${forgedResponse.status}, without it ${plainResponse.status}`);
      }
    }),
    { numRuns: RUNS, seed: SEED },
  );
}

function actorFor(world: World, endpoint: string): Actor {
  const access = ACCESS[endpoint]!;
  if (access === 'public' || access === 'signed-in' || (access.length === 1 && access[0] === 'interviewer')) return world.actors.interviewer;
  return access.includes('recruiter') ? world.actors.recruiter : world.actors.admin;
}

const sessionCookie = (actor: Actor) => `${SESSION_COOKIE}=${actor.token}`;

/** Fills `:id` with a real id, so only the hostile part of a request is wrong. */
function concretePath(world: World, endpointPath: string): string {
  if (endpointPath.startsWith('/api/interviews/')) return endpointPath.replace(':id', world.interviewId);
  return endpointPath.replace(':id', world.actors.interviewer.id);
}

// ---------------------------------------------------------------------------------------------

describe('hostile-input sweep', () => {
  const world = {} as World;
  let endpoints: Declared[];

  beforeAll(async () => {
    world.stack = await startTestStack({ env: { LOG_LEVEL: 'warn' } });
    const store = world.stack.api.store;
    const login = async (role: Role): Promise<Actor> => {
      const user = await createTestUser(store, role);
      const response = await request(world.stack.api.url).post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(200);
      const token = /crm_session=([^;]+)/.exec(String(response.headers['set-cookie']))![1]!;
      return { id: user.id, email: user.email, role, token, cookie: `${SESSION_COOKIE}=${token}`, csrf: response.body.csrfToken as string };
    };
    world.actors = { admin: await login('admin'), recruiter: await login('recruiter'), interviewer: await login('interviewer'), otherInterviewer: await login('interviewer') };
    // The interviewer connects Zoom, so a forged webhook or disconnect would have something to destroy.
    const { agent } = await signIn(world.stack.api, world.actors.interviewer.email);
    expect((await connectZoom(agent)).result).toBe('connected');
    const created = await request(world.stack.api.url)
      .post('/api/interviews')
      .set('Cookie', world.actors.recruiter.cookie)
      .set(CSRF_HEADER, world.actors.recruiter.csrf)
      .send(interviewRequest(world.actors.interviewer.id))
      .expect(201);
    world.interviewId = created.body.interview.id as string;
    await request(world.stack.api.url)
      .put('/api/zoom/meeting-defaults')
      .set('Cookie', world.actors.interviewer.cookie)
      .set(CSRF_HEADER, world.actors.interviewer.csrf)
      .send({ waitingRoom: true, autoRecording: 'none', joinBeforeHost: false, muteUponEntry: true })
      .expect(200);
    endpoints = declaredEndpoints();
  });

  afterAll(async () => {
    const rows = [...tally].map(([endpoint, row]) => ({
      endpoint,
      cases: row.cases,
      families: [...row.families].map(([family, n]) => `${family} ${n}`).join(', '),
      codes: [...row.codes].map(([code, n]) => `${code} ${n}`).join(', '),
    }));
    const total = rows.reduce((sum, row) => sum + row.cases, 0);
    console.log(`hostile-input sweep (seed ${SEED}): ${total} cases over ${rows.length} endpoints\n${rows.map((r) => `${String(r.cases).padStart(5)}  ${r.endpoint.padEnd(44)} ${r.families}\n${' '.repeat(52)}→ ${r.codes}`).join('\n')}`);
    await world.stack?.close();
  });

  test('the declared endpoints, the mounted routes and the access table name the same endpoints', () => {
    const declared = endpoints.map((e) => `${e.method} ${e.path}`);
    expect(new Set(declared).size).toBe(declared.length);
    expect([...mountedRoutes(world.stack)].sort()).toEqual([...declared, ...UNDECLARED_PROBES].sort());
    expect(Object.keys(ACCESS).sort()).toEqual([...declared, ...UNDECLARED_PROBES].sort());
  });

  const all = () => [...endpoints.map((e) => ({ method: e.method, path: e.path })), ...UNDECLARED_PROBES.map((probe) => ({ method: 'GET' as const, path: probe.split(' ')[1] ?? '' }))];

  test('every endpoint refuses hostile input with a 4xx envelope and changes nothing', async () => {
    const specs = bodySpecs(world);
    for (const { method, path: endpointPath } of all()) {
      const endpoint = `${method} ${endpointPath}`;
      const access = ACCESS[endpoint]!;
      const actor = actorFor(world, endpoint);
      const url = concretePath(world, endpointPath);
      const spec = specs[endpoint];
      const validBody = () => ({ contentType: 'application/json', data: JSON.stringify(spec ? spec.valid() : {}) });
      const changesState = method !== 'GET';
      const before = snapshot(world);

      // Forged or tampered session cookies: refused before anything else on every protected endpoint;
      // on public ones (sign-in, sign-out, health, callback, webhook) they count as no cookie at all, so a
      // stale cookie cannot lock anyone out and a forged one grants nothing.
      const forgedSessions = forgedSessionCookie({ realToken: actor.token, jwtSecret: world.stack.api.deps.env.JWT_SECRET, issuer: 'interview-crm', audience: 'interview-crm-web', userId: actor.id });
      const withForgedSession = (forged: { value: string }): HostileRequest => ({
        method,
        url,
        cookie: `${SESSION_COOKIE}=${forged.value}`,
        headers: { [CSRF_HEADER]: actor.csrf },
        ...(changesState ? { body: validBody() } : {}),
      });
      if (access === 'public') {
        await sweepPublicWithForgedSession(world, endpoint, forgedSessions, withForgedSession);
      } else {
        await sweep(world, endpoint, 'forged session', forgedSessions, withForgedSession);
      }

      if (access !== 'public') {
        // No session at all: no cookie, other cookies, a JSON cookie, a CSRF header without a session.
        const noSession = fc.oneof(
          fc.constant(undefined),
          fc.tuple(headerText(20), headerText(40)).map(([name, value]) => `${percentEncode(name) || 'x'}=${percentEncode(value)}`),
          fc.constantFrom(`${SESSION_COOKIE}=`, `${SESSION_COOKIE}=j%3A%7B%22userId%22%3A%22x%22%7D`, `${SESSION_COOKIE}=j%3A0`, `crm_csrf=${actor.csrf}`, `${SESSION_COOKIE.toUpperCase()}=${actor.token}`),
        );
        await sweep(world, endpoint, 'no session', noSession, (cookie) => ({
          method,
          url,
          ...(cookie === undefined ? {} : { cookie }),
          headers: { [CSRF_HEADER]: actor.csrf },
          ...(changesState ? { body: validBody() } : {}),
        }), 12);
      }

      if (Array.isArray(access)) {
        // Signed in, valid request, wrong role.
        const outsiders = (['admin', 'recruiter', 'interviewer'] as const).filter((role) => !access.includes(role)).map((role) => world.actors[role]);
        await sweep(world, endpoint, 'wrong role', fc.constantFrom(...outsiders), (outsider) => ({
          method,
          url,
          cookie: sessionCookie(outsider),
          headers: { [CSRF_HEADER]: outsider.csrf },
          ...(changesState ? { body: validBody() } : {}),
        }), 6);
      }

      const isWebhook = endpoint === 'POST /api/zoom/webhook';
      if (changesState && !isWebhook) {
        // A valid request from a signed-in user, except for the CSRF header or a foreign Origin.
        const csrfForgery = fc.oneof(
          fc.constant<Record<string, string>>({}),
          fc.constant({ [CSRF_HEADER]: world.actors.otherInterviewer.csrf }),
          fc.constant({ [CSRF_HEADER]: `${actor.csrf.slice(0, -1)}${actor.csrf.endsWith('A') ? 'B' : 'A'}` }),
          headerText(64).map((value) => ({ [CSRF_HEADER]: value })),
          fc.constantFrom('https://evil.example', 'null', 'http://localhost:5173.evil.example', 'http://localhost:5174').map((origin) => ({ [CSRF_HEADER]: actor.csrf, origin })),
        );
        await sweep(world, endpoint, 'csrf', csrfForgery, (headers) => ({ method, url, cookie: sessionCookie(actor), headers, body: validBody() }), 16);
      }

      if (changesState) {
        // Bodies the API cannot read: malformed JSON, invalid UTF-8, other media types, over the size limit.
        await sweep(world, endpoint, 'unreadable body', unreadableBody, (body) => ({
          method,
          url,
          ...(isWebhook ? {} : { cookie: sessionCookie(actor) }),
          headers: { [CSRF_HEADER]: actor.csrf },
          body: { contentType: body.contentType, data: body.body },
        }), 20);
      }

      if (spec) {
        // Signed in as someone allowed, with a body that breaks the schema in exactly one way: each field in turn, then its structure.
        const asAllowed = (body: { json: string }): HostileRequest => ({
          method,
          url,
          ...(access === 'public' ? {} : { cookie: sessionCookie(actor) }),
          headers: { [CSRF_HEADER]: actor.csrf },
          body: { contentType: 'application/json', data: body.json },
        });
        for (const field of Object.keys(spec.fields)) await sweep(world, endpoint, 'invalid field', hostileBody(spec, { field }), asAllowed, 16);
        await sweep(world, endpoint, 'body structure', hostileBody(spec, 'structure'), asAllowed, 30);
      }

      if (endpointPath.includes(':id')) {
        // Bad ids, with an otherwise valid request.
        await sweep(world, endpoint, 'bad id', badIdSegment, (segment) => ({
          method,
          url: endpointPath.replace(':id', segment),
          cookie: sessionCookie(actor),
          headers: { [CSRF_HEADER]: actor.csrf },
          ...(changesState ? { body: validBody() } : {}),
        }), 60);
      }

      if (QUERY_PARAMS[endpoint]) {
        await sweep(world, endpoint, 'bad query', badQuery(endpoint), (query) => ({ method, url: `${url}?${query}`, cookie: sessionCookie(actor) }), 60);
      }

      expect({ endpoint, state: snapshot(world) }).toEqual({ endpoint, state: before });
    }
  }, 120_000);

  test('hostile Zoom callbacks go back to Account Settings with a refusal and change nothing', async () => {
    const before = snapshot(world);
    const actor = world.actors.interviewer;
    const param = fc.option(fc.oneof(fc.string({ unit: 'binary', maxLength: 100 }), edgeText(60), fc.constant('x'.repeat(3_000))), { nil: undefined });
    const cases = fc.record({ state: param, code: param, error: param, binding: fc.option(headerText(60), { nil: undefined }), signedIn: fc.boolean() });
    const refusals = ZOOM_CALLBACK_RESULTS.filter((result) => result !== 'connected');
    await fc.assert(
      fc.asyncProperty(cases, async (input) => {
        const query = (['state', 'code', 'error'] as const).filter((key) => input[key] !== undefined).map((key) => `${key}=${percentEncode(input[key]!)}`).join('&');
        const cookies = [input.signedIn ? sessionCookie(actor) : null, input.binding === undefined ? null : `crm_zoom_oauth=${percentEncode(input.binding)}`].filter(Boolean).join('; ');
        const response = await send(world, { method: 'GET', url: `/api/zoom/callback${query ? `?${query}` : ''}`, ...(cookies ? { cookie: cookies } : {}) });
        count('GET /api/zoom/callback', 'forged callback', response);
        // A browser navigation: answered with a redirect to the web app carrying the refusal, by design.
        expect(response.status).toBe(302);
        const location = new URL(response.headers.location ?? '');
        expect(location.origin).toBe(new URL(world.stack.api.deps.env.WEB_APP_URL).origin);
        expect(refusals).toContain(location.searchParams.get(ZOOM_CALLBACK_RESULT_PARAM));
      }),
      { numRuns: 80, seed: SEED },
    );
    expect(snapshot(world)).toEqual(before);
  });

  test('a flood of webhooks with bad signatures is refused and changes nothing', async () => {
    const before = snapshot(world);
    const forged = fc.sample(
      forgedWebhook({ secretToken: TEST_WEBHOOK_SECRET, connectedZoomUserId: SIMULATED_INTERVIEWER.id, connectedZoomAccountId: SIMULATED_INTERVIEWER.accountId, clientId: TEST_ZOOM_APP.clientId }),
      { numRuns: 400, seed: SEED },
    );
    // Sent 50 at a time, as a flood would arrive (the webhook route allows 600 a minute per address).
    for (let start = 0; start < forged.length; start += 50) {
      const batch = forged.slice(start, start + 50);
      const responses = await Promise.all(
        batch.map((webhook) =>
          send(world, {
            method: 'POST',
            url: '/api/zoom/webhook',
            headers: { ...(webhook.timestamp === undefined ? {} : { 'x-zm-request-timestamp': webhook.timestamp }), ...(webhook.signature === undefined ? {} : { 'x-zm-signature': webhook.signature }) },
            body: { contentType: 'application/json', data: webhook.body },
          }),
        ),
      );
      responses.forEach((response, i) => {
        count('POST /api/zoom/webhook', 'bad signature flood', response);
        expectRefused(response, `webhook [${batch[i]!.label}]`);
        expect(response.body.error.code).toBe('webhook_signature_invalid');
      });
    }
    expect(snapshot(world)).toEqual(before);
    expect((await request(world.stack.api.url).get('/api/zoom/status').set('Cookie', world.actors.interviewer.cookie)).body.state).toBe('connected');
  });

  test('every endpoint was reached by the sweep, not just turned away at routing', () => {
    for (const { method, path: endpointPath } of all()) {
      const row = tally.get(`${method} ${endpointPath}`);
      expect(row?.cases ?? 0).toBeGreaterThan(0);
      const codes = [...row!.codes.keys()];
      expect(codes.every((code) => (ERROR_CODES as readonly string[]).includes(code) || /^[23]\d\d$/.test(code))).toBe(true);
      expect(codes.some((code) => code !== 'route_not_found')).toBe(true);
    }
  });
});
