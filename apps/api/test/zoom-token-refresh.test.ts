import { revealSecret } from '../src/zoom/zoom-secret';
import request, { type Agent } from 'supertest';
import type { AccessTokenResult as UserAccessTokenResult } from '../src/domain/ports/access-token-source';
import { refreshIdleConnections } from '../src/jobs/refresh-idle-connections';
import { signInAs, startTestApi } from './support/start-test-api';
import { interviewRequest, S2S_ENV } from './support/meeting-test-helpers';
import { connectZoom, leakedSecrets, rawMemoryStoreText, SIMULATED_INTERVIEWER, startTestStack, type TestStack } from './support/start-test-stack';

/** Uses the access token against the simulator's /users/me, as meeting code would. */
async function worksAtZoom(stack: TestStack, result: UserAccessTokenResult): Promise<boolean> {
  if (!result.ok) return false;
  const response = await request(`${stack.zoom.url}/v2`).get('/users/me').set('Authorization', `Bearer ${revealSecret(result.accessToken)}`);
  return response.status === 200 && response.body.id === result.zoomUserId;
}

/** Connects with a token that has since expired (the API's clock moves past it); tokens Zoom issues from now on live an hour. */
async function connectWithExpiredToken(stack: TestStack, agent: Agent): Promise<void> {
  expect((await connectZoom(agent)).result).toBe('connected');
  stack.api.clock.advance(1100);
  stack.zoom.control.setAccessTokenTtlSeconds(3599);
}

describe('keeping a connection alive', () => {
  let stack: TestStack;
  afterEach(async () => {
    expect(leakedSecrets(stack.api.logs.text(), stack.secrets())).toEqual([]);
    expect(leakedSecrets(rawMemoryStoreText(stack.api.store), stack.secrets())).toEqual([]);
    await stack.close();
  });

  test('50 concurrent requests that each need a fresh token cause exactly 1 refresh at Zoom, and every token works', async () => {
    stack = await startTestStack({ accessTokenTtlSeconds: 1 });
    const { agent, user } = await signInAs(stack.api, 'interviewer');
    await connectWithExpiredToken(stack, agent);

    const results = await Promise.all(Array.from({ length: 50 }, () => stack.api.deps.userAccessTokens.forUser(user.id).getAccessToken()));

    expect(stack.zoom.control.tokenGrantCounts().refresh_token).toBe(1);
    expect(stack.zoom.control.tokenRequestCounts().refresh_token).toBe(1);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(new Set(results.map((r) => (r.ok ? revealSecret(r.accessToken) : ''))).size).toBe(1);
    expect((await Promise.all(results.slice(0, 5).map((r) => worksAtZoom(stack, r)))).every(Boolean)).toBe(true);
    expect((await agent.get('/api/zoom/status')).body.state).toBe('connected');
  });

  test('50 interviews scheduled at once over HTTP for an interviewer whose token needs refreshing cause exactly 1 refresh, and every meeting is hosted by the interviewer', async () => {
    stack = await startTestStack({ accessTokenTtlSeconds: 1, env: S2S_ENV });
    const interviewer = await signInAs(stack.api, 'interviewer');
    await connectWithExpiredToken(stack, interviewer.agent);
    const recruiter = await signInAs(stack.api, 'recruiter');

    const responses = await Promise.all(Array.from({ length: 50 }, () => recruiter.agent.post('/api/interviews').send(interviewRequest(interviewer.user.id))));

    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(201));
    expect(responses.every((r) => r.body.interview.meeting.hostSource === 'interviewer')).toBe(true);
    expect(stack.zoom.control.tokenRequestCounts().refresh_token).toBe(1);
    expect(stack.zoom.control.meetings({ hostId: SIMULATED_INTERVIEWER.id })).toHaveLength(50);
  });

  test('50 concurrent requests split over two API instances sharing one store cause exactly 1 refresh, and all succeed', async () => {
    stack = await startTestStack({ accessTokenTtlSeconds: 1 });
    const second = await stack.startAnotherApi();
    const { agent, user } = await signInAs(stack.api, 'interviewer');
    await connectWithExpiredToken(stack, agent);

    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? stack.api : second).deps.userAccessTokens.forUser(user.id).getAccessToken()),
    );

    expect(stack.zoom.control.tokenRequestCounts().refresh_token).toBe(1);
    expect(results.filter((r) => r.ok)).toHaveLength(50);
    expect(await worksAtZoom(stack, results[1]!)).toBe(true);
    expect(leakedSecrets(second.logs.text(), stack.secrets())).toEqual([]);
  });

  test('a fresh token is used as is, without asking Zoom', async () => {
    stack = await startTestStack();
    const { agent, user } = await signInAs(stack.api, 'interviewer');
    await connectZoom(agent);

    const result = await stack.api.deps.userAccessTokens.forUser(user.id).getAccessToken();

    expect(await worksAtZoom(stack, result)).toBe(true);
    expect(stack.zoom.control.tokenRequestCounts().refresh_token ?? 0).toBe(0);
  });

  test('a forced refresh stores the rotated refresh token, so a second forced refresh also succeeds', async () => {
    stack = await startTestStack();
    const { agent, user } = await signInAs(stack.api, 'interviewer');
    await connectZoom(agent);

    const first = await stack.api.deps.userAccessTokens.forUser(user.id).getAccessToken({ forceRefresh: true });
    const second = await stack.api.deps.userAccessTokens.forUser(user.id).getAccessToken({ forceRefresh: true });

    expect(first.ok && second.ok).toBe(true);
    expect(stack.zoom.control.tokenGrantCounts().refresh_token).toBe(2);
    expect(await worksAtZoom(stack, second)).toBe(true);
    expect((await agent.get('/api/zoom/status')).body.lastRefreshAt).toEqual(expect.any(String));
  });

  test('when the refresh token was rotated elsewhere, the connection ends needs_reconnect with a reason and an audit event, and a later connect clears it', async () => {
    stack = await startTestStack();
    const { agent, user } = await signInAs(stack.api, 'interviewer');
    await connectZoom(agent, { zoomUserId: SIMULATED_INTERVIEWER.id });
    stack.zoom.control.rotateRefreshTokenElsewhere(SIMULATED_INTERVIEWER.id);

    const result = await stack.api.deps.userAccessTokens.forUser(user.id).getAccessToken({ forceRefresh: true });

    expect(result).toEqual({ ok: false, reason: 'needs_reconnect' });
    const status = (await agent.get('/api/zoom/status')).body;
    expect(status.state).toBe('needs_reconnect');
    expect(status.lastProblem).toMatch(/Reconnect/);
    const { events } = await stack.api.store.audit.list({ offset: 0, limit: 10 });
    expect(events[0]).toMatchObject({ type: 'zoom.refresh_failed', subject: { userId: user.id, email: user.email }, actor: { kind: 'system' } });
    // Later calls do not hammer Zoom with a dead refresh token.
    expect(await stack.api.deps.userAccessTokens.forUser(user.id).getAccessToken()).toEqual({ ok: false, reason: 'needs_reconnect' });
    expect(stack.zoom.control.tokenRequestCounts().refresh_token).toBe(1);

    expect((await connectZoom(agent, { zoomUserId: SIMULATED_INTERVIEWER.id })).result).toBe('connected');

    expect((await agent.get('/api/zoom/status')).body).toMatchObject({ state: 'connected', lastProblem: null });
    expect(await worksAtZoom(stack, await stack.api.deps.userAccessTokens.forUser(user.id).getAccessToken())).toBe(true);
  });

  test('when Zoom is down during a refresh, the call reports zoom_unavailable and the connection stays connected', async () => {
    stack = await startTestStack();
    const { agent, user } = await signInAs(stack.api, 'interviewer');
    await connectZoom(agent);
    stack.zoom.control.injectFault({ endpoint: 'oauth.token', status: 503, times: 1 });

    const result = await stack.api.deps.userAccessTokens.forUser(user.id).getAccessToken({ forceRefresh: true });

    expect(result).toEqual({ ok: false, reason: 'zoom_unavailable' });
    expect((await agent.get('/api/zoom/status')).body.state).toBe('connected');
    expect((await stack.api.deps.userAccessTokens.forUser(user.id).getAccessToken({ forceRefresh: true })).ok).toBe(true);
  });

  test('markRejected (Zoom refused the token even after a refresh) marks needs_reconnect with the given reason', async () => {
    stack = await startTestStack();
    const { agent, user } = await signInAs(stack.api, 'interviewer');
    await connectZoom(agent);
    const current = await stack.api.deps.userAccessTokens.forUser(user.id).getAccessToken();
    if (!current.ok) throw new Error('expected a usable token');

    await stack.api.deps.userAccessTokens.forUser(user.id).markRejected(current.accessToken, 'Zoom refused this connection when creating a meeting.');

    expect((await agent.get('/api/zoom/status')).body).toMatchObject({ state: 'needs_reconnect', lastProblem: 'Zoom refused this connection when creating a meeting.' });
    expect(await stack.api.deps.userAccessTokens.forUser(user.id).getAccessToken()).toEqual({ ok: false, reason: 'needs_reconnect' });
  });

  test('when a late 401 arrives for a token another request already refreshed, markRejected leaves the connection connected with the newer token', async () => {
    stack = await startTestStack();
    const { agent, user } = await signInAs(stack.api, 'interviewer');
    await connectZoom(agent);
    const old = await stack.api.deps.userAccessTokens.forUser(user.id).getAccessToken();
    const renewed = await stack.api.deps.userAccessTokens.forUser(user.id).getAccessToken({ forceRefresh: true });
    if (!old.ok || !renewed.ok) throw new Error('expected usable tokens');

    await stack.api.deps.userAccessTokens.forUser(user.id).markRejected(old.accessToken, 'Zoom refused this connection when creating a meeting.');

    expect((await agent.get('/api/zoom/status')).body.state).toBe('connected');
    const after = await stack.api.deps.userAccessTokens.forUser(user.id).getAccessToken();
    expect(after.ok && revealSecret(after.accessToken)).toBe(revealSecret(renewed.accessToken));
  });

  test('a user who never connected gets not_connected', async () => {
    stack = await startTestStack();
    const { user } = await signInAs(stack.api, 'interviewer');
    expect(await stack.api.deps.userAccessTokens.forUser(user.id).getAccessToken()).toEqual({ ok: false, reason: 'not_connected' });
  });

  test('the idle-refresh job refreshes connections idle past the interval, and only one process runs a pass at a time', async () => {
    stack = await startTestStack();
    const second = await stack.startAnotherApi();
    const { agent, user } = await signInAs(stack.api, 'interviewer');
    await connectZoom(agent);
    const jobDeps = (api: typeof second) => ({
      connections: api.store.zoomConnections,
      jobLeases: api.store.jobLeases,
      userAccessTokens: api.deps.userAccessTokens,
      logger: api.deps.logger,
      idleMs: 24 * 60 * 60 * 1000,
    });

    const notYetIdle = await refreshIdleConnections(jobDeps(stack.api), 'process-a');
    expect(notYetIdle).toEqual({ ran: true, refreshed: 0, failed: 0 });

    const twoDaysLater = new Date(Date.now() + 48 * 60 * 60 * 1000);
    const runs = await Promise.all([
      refreshIdleConnections(jobDeps(stack.api), 'process-a', { now: twoDaysLater }),
      refreshIdleConnections(jobDeps(second), 'process-b', { now: twoDaysLater }),
    ]);

    expect(runs.filter((run) => run.ran)).toHaveLength(1);
    expect(runs.find((run) => run.ran)).toMatchObject({ refreshed: 1, failed: 0 });
    expect(stack.zoom.control.tokenGrantCounts().refresh_token).toBe(1);
    expect((await stack.api.deps.userAccessTokens.forUser(user.id).getAccessToken()).ok).toBe(true);
  });
});

test('with BACKGROUND_JOBS on, the API starts its idle-refresh job and close() stops it', async () => {
  const api = await startTestApi({ env: { BACKGROUND_JOBS: 'true', ZOOM_IDLE_REFRESH_HOURS: '0.001' } });
  // The job's first pass runs right after start.
  await new Promise((resolve) => setTimeout(resolve, 20));
  await api.idleRefreshJob!.settled();
  expect(await api.store.jobLeases.acquire('refresh-idle-zoom-connections', 'someone-else', 1000)).toBe(true);
  await api.close();
  expect(api.logs.text()).not.toMatch(/idle Zoom refresh pass failed/);
});
