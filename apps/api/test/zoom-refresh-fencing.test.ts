import request from 'supertest';
import type { AccessTokenResult } from '../src/domain/ports/access-token-source';
import type { ZoomOAuthGateway } from '../src/domain/ports/zoom-gateway';
import { RefreshingUserAccessTokens } from '../src/domain/zoom-connection/refreshing-user-access-tokens';
import { revealSecret } from '../src/zoom/zoom-secret';
import { signInAs } from './support/start-test-api';
import { connectZoom, startTestStack, type TestStack } from './support/start-test-stack';

const LEASE_TTL_MS = 1000;

/** A point a call stops at until the test lets it go; `reached` resolves once it got there. */
function gate() {
  let open!: () => void;
  let arrived!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const reached = new Promise<void>((resolve) => (arrived = resolve));
  return { open, reached, wait: async () => (arrived(), opened) };
}

/**
 * Another process's token refresher on the same store and clock: `stall` decides where its refresh call
 * stops, before Zoom gets the refresh token or after Zoom answered (it holds the only valid new tokens).
 */
function refresher(stack: TestStack, stall?: { at: 'before_zoom' | 'after_zoom'; gate: ReturnType<typeof gate> }) {
  const { deps } = stack.api.deps.zoomConnection;
  const oauth = deps.oauth!;
  const stalling: ZoomOAuthGateway = {
    ...oauth,
    refresh: async (refreshToken) => {
      if (stall?.at === 'before_zoom') await stall.gate.wait();
      const answer = await oauth.refresh(refreshToken);
      if (stall?.at === 'after_zoom') await stall.gate.wait();
      return answer;
    },
  };
  return new RefreshingUserAccessTokens({
    connections: stack.api.store.zoomConnections,
    users: stack.api.store.users,
    audit: stack.api.store.audit,
    secrets: deps.secrets,
    oauth: stalling,
    logger: deps.logger,
    clock: stack.api.clock,
    leaseTtlMs: LEASE_TTL_MS,
    pollIntervalMs: 5,
    atomically: (work) => stack.api.store.atomically(work),
  });
}

async function worksAtZoom(stack: TestStack, result: AccessTokenResult): Promise<boolean> {
  if (!result.ok) return false;
  const response = await request(`${stack.zoom.url}/v2`).get('/users/me').set('Authorization', `Bearer ${revealSecret(result.accessToken)}`);
  return response.status === 200;
}

describe('fenced refresh: a stalled lease holder and a second refresher', () => {
  let stack: TestStack;
  afterEach(async () => {
    await stack.close();
  });

  async function connectedInterviewer() {
    stack = await startTestStack({ accessTokenTtlSeconds: 1 });
    const { agent, user } = await signInAs(stack.api, 'interviewer');
    expect((await connectZoom(agent)).result).toBe('connected');
    stack.api.clock.advance(1100);
    stack.zoom.control.setAccessTokenTtlSeconds(3599);
    return { agent, user };
  }

  test('when the holder stalls after Zoom rotated the tokens, the one that takes over its lapsed lease gets invalid_grant but never marks needs_reconnect, and the holder stores the valid tokens', async () => {
    const { agent, user } = await connectedInterviewer();
    const stalled = gate();
    const first = refresher(stack, { at: 'after_zoom', gate: stalled });
    const second = refresher(stack);

    const holding = first.forUser(user.id).getAccessToken();
    await stalled.reached;
    stack.api.clock.advance(LEASE_TTL_MS + 1); // its lease lapses, by the store's clock
    const taking = await second.forUser(user.id).getAccessToken();
    stalled.open();
    const held = await holding;

    expect(taking).toEqual({ ok: false, reason: 'refresh_failed' });
    expect(stack.zoom.control.tokenRequestCounts().refresh_token).toBe(2);
    expect(held.ok).toBe(true);
    expect(await worksAtZoom(stack, held)).toBe(true);
    expect((await agent.get('/api/zoom/status')).body.state).toBe('connected');
    const after = await second.forUser(user.id).getAccessToken();
    expect(after.ok && held.ok && revealSecret(after.accessToken) === revealSecret(held.accessToken)).toBe(true);
    const { events } = await stack.api.store.audit.list({ offset: 0, limit: 20 });
    expect(events.map((event) => event.type)).not.toContain('zoom.refresh_failed');
  });

  test('when the holder stalls before calling Zoom and another refreshes meanwhile, the lapsed holder gets invalid_grant, marks nothing and uses the new tokens', async () => {
    const { agent, user } = await connectedInterviewer();
    const stalled = gate();
    const first = refresher(stack, { at: 'before_zoom', gate: stalled });
    const second = refresher(stack);

    const holding = first.forUser(user.id).getAccessToken();
    await stalled.reached;
    stack.api.clock.advance(LEASE_TTL_MS + 1);
    const taking = await second.forUser(user.id).getAccessToken();
    stalled.open();
    const held = await holding;

    expect(taking.ok).toBe(true);
    expect(held.ok && taking.ok && revealSecret(held.accessToken) === revealSecret(taking.accessToken)).toBe(true);
    expect(await worksAtZoom(stack, held)).toBe(true);
    expect((await agent.get('/api/zoom/status')).body.state).toBe('connected');
  });

  test('once the contested period has passed with no tokens landing, an invalid_grant marks needs_reconnect as before', async () => {
    const { agent, user } = await connectedInterviewer();
    const stalled = gate();
    const first = refresher(stack, { at: 'after_zoom', gate: stalled });
    const second = refresher(stack);

    void first.forUser(user.id).getAccessToken().catch(() => undefined);
    await stalled.reached;
    stack.api.clock.advance(LEASE_TTL_MS + 1);
    expect(await second.forUser(user.id).getAccessToken()).toEqual({ ok: false, reason: 'refresh_failed' });
    stack.api.clock.advance(LEASE_TTL_MS + 1); // the stalled holder never came back within one more lease period

    expect(await second.forUser(user.id).getAccessToken()).toEqual({ ok: false, reason: 'needs_reconnect' });
    expect((await agent.get('/api/zoom/status')).body.state).toBe('needs_reconnect');
    stalled.open();
  });
});
