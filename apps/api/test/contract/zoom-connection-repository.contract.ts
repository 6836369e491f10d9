import { randomUUID } from 'node:crypto';
import type { Store } from '../../src/domain/ports/store';
import type { EncryptedZoomTokens, NewZoomConnection } from '../../src/domain/ports/zoom-connection-repository';
import { uniqueEmail, useStore, type StoreContract } from './store-contract';

async function newUserId(store: Store): Promise<string> {
  const user = await store.users.create({ name: 'Zoom Contract', email: uniqueEmail('zoom'), role: 'interviewer', passwordHash: 'x' });
  return user.id;
}

function tokens(tag: string, expiresInMs = 3_600_000): EncryptedZoomTokens {
  return { accessToken: `v1.k.access-${tag}`, refreshToken: `v1.k.refresh-${tag}`, expiresAt: new Date(Date.now() + expiresInMs) };
}

function connection(overrides: Partial<NewZoomConnection> = {}): NewZoomConnection {
  return {
    zoomUserId: `zoom-${randomUUID()}`,
    zoomEmail: 'someone@zoom.example.test',
    zoomAccountId: 'acct-1',
    scopes: ['meeting:write', 'user:read'],
    tokens: tokens('initial'),
    connectedAt: new Date(Date.now() - 1000),
    ...overrides,
  };
}

export const zoomConnectionRepositoryContract: StoreContract = (makeStore) => {
  describe('ZoomConnectionRepository', () => {
    const store = useStore(makeStore);

    test('a saved connection reads back connected, with its tokens, on the user record too, and without tokens on the user record', async () => {
      const userId = await newUserId(store());
      const input = connection();
      expect(await store().zoomConnections.saveConnection(userId, input)).toEqual({ ok: true });

      const stored = await store().zoomConnections.getConnection(userId);
      expect(stored).toMatchObject({ userId, state: 'connected', zoomUserId: input.zoomUserId, zoomEmail: input.zoomEmail, tokens: input.tokens, refreshLease: null });
      const user = await store().users.findById(userId);
      expect(user).toMatchObject({ zoomConnected: true, zoomConnectionState: 'connected', zoomUserId: input.zoomUserId, zoomScopes: input.scopes, zoomLastProblem: null });
      expect(JSON.stringify(user)).not.toContain('access-initial');
      expect(await store().zoomConnections.findUserIdByZoomUserId(input.zoomUserId)).toBe(userId);
    });

    test('a Zoom user already held by another CRM user is refused and the second user is unchanged', async () => {
      const first = await newUserId(store());
      const second = await newUserId(store());
      const input = connection();
      await store().zoomConnections.saveConnection(first, input);
      expect(await store().zoomConnections.saveConnection(second, connection({ zoomUserId: input.zoomUserId }))).toEqual({ ok: false, reason: 'zoom_account_in_use' });
      expect(await store().zoomConnections.getConnection(second)).toMatchObject({ state: 'not_connected', tokens: null, zoomUserId: null });
      expect(await store().zoomConnections.saveConnection('no-such-user', connection())).toEqual({ ok: false, reason: 'user_not_found' });
    });

    test('only one owner holds the refresh lease until it is released or expires', async () => {
      const userId = await newUserId(store());
      await store().zoomConnections.saveConnection(userId, connection());
      const attempts = await Promise.all(['a', 'b', 'c', 'd'].map((owner) => store().zoomConnections.acquireRefreshLease(userId, owner, 60_000)));
      expect(attempts.filter(Boolean)).toHaveLength(1);
      const holder = ['a', 'b', 'c', 'd'][attempts.indexOf(true)]!;
      const other = holder === 'a' ? 'b' : 'a';
      expect(await store().zoomConnections.acquireRefreshLease(userId, holder, 60_000)).toBe(true);
      expect((await store().zoomConnections.getConnection(userId))!.refreshLease).toMatchObject({ owner: holder });
      await store().zoomConnections.releaseRefreshLease(userId, other);
      expect(await store().zoomConnections.acquireRefreshLease(userId, other, 60_000)).toBe(false);
      await store().zoomConnections.releaseRefreshLease(userId, holder);
      expect(await store().zoomConnections.acquireRefreshLease(userId, other, 1)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(await store().zoomConnections.acquireRefreshLease(userId, holder, 60_000)).toBe(true);
    });

    test('replaceTokens is a compare-and-swap on the token version: of two writers with the same version, one wins', async () => {
      const userId = await newUserId(store());
      await store().zoomConnections.saveConnection(userId, connection());
      const { tokenVersion } = (await store().zoomConnections.getConnection(userId))!;
      await store().zoomConnections.acquireRefreshLease(userId, 'a', 60_000);
      const refreshedAt = new Date();

      const results = await Promise.all([
        store().zoomConnections.replaceTokens(userId, tokenVersion, tokens('one'), ['meeting:write'], refreshedAt),
        store().zoomConnections.replaceTokens(userId, tokenVersion, tokens('two'), ['meeting:write'], refreshedAt),
      ]);

      expect(results.filter(Boolean)).toHaveLength(1);
      const after = (await store().zoomConnections.getConnection(userId))!;
      expect(after.tokenVersion).toBe(tokenVersion + 1);
      expect([tokens('one').accessToken, tokens('two').accessToken]).toContain(after.tokens!.accessToken);
      expect(after.refreshLease).toBeNull();
      expect(after.lastRefreshAt?.getTime()).toBe(refreshedAt.getTime());
    });

    test('rewrapTokens swaps envelopes without bumping the version, and refuses a stale version', async () => {
      const userId = await newUserId(store());
      await store().zoomConnections.saveConnection(userId, connection());
      const before = (await store().zoomConnections.getConnection(userId))!;
      expect(await store().zoomConnections.rewrapTokens(userId, before.tokenVersion + 1, tokens('stale'))).toBe(false);
      expect(await store().zoomConnections.rewrapTokens(userId, before.tokenVersion, { ...tokens('rewrapped'), expiresAt: before.tokens!.expiresAt })).toBe(true);
      const after = (await store().zoomConnections.getConnection(userId))!;
      expect(after.tokenVersion).toBe(before.tokenVersion);
      expect(after.tokens!.accessToken).toBe(tokens('rewrapped').accessToken);
      expect(await store().zoomConnections.listUserIdsWithTokens()).toContain(userId);
    });

    test('markNeedsReconnect wipes tokens and records the reason, unless the tokens changed since the version given', async () => {
      const userId = await newUserId(store());
      await store().zoomConnections.saveConnection(userId, connection());
      const { tokenVersion } = (await store().zoomConnections.getConnection(userId))!;
      expect(await store().zoomConnections.markNeedsReconnect(userId, 'stale', tokenVersion - 1)).toBe(false);
      expect(await store().zoomConnections.markNeedsReconnect(userId, 'Reconnect please', tokenVersion)).toBe(true);
      expect(await store().zoomConnections.getConnection(userId)).toMatchObject({ state: 'needs_reconnect', tokens: null });
      expect(await store().users.findById(userId)).toMatchObject({ zoomConnected: false, zoomConnectionState: 'needs_reconnect', zoomLastProblem: 'Reconnect please' });
      expect(await store().zoomConnections.listUserIdsWithTokens()).not.toContain(userId);
      // A reconnect clears the problem.
      await store().zoomConnections.saveConnection(userId, connection());
      expect(await store().users.findById(userId)).toMatchObject({ zoomConnectionState: 'connected', zoomLastProblem: null });
    });

    test('clearConnection returns what was stored and wipes tokens and Zoom ids; clearing again is harmless', async () => {
      const userId = await newUserId(store());
      const input = connection();
      await store().zoomConnections.saveConnection(userId, input);
      const cleared = await store().zoomConnections.clearConnection(userId, 'removed');
      expect(cleared).toEqual({ previousState: 'connected', zoomUserId: input.zoomUserId, zoomEmail: input.zoomEmail, tokens: input.tokens });
      expect(await store().users.findById(userId)).toMatchObject({ zoomConnectionState: 'not_connected', zoomUserId: null, zoomEmail: null, zoomConnectedAt: null, zoomLastProblem: 'removed' });
      expect(await store().zoomConnections.findUserIdByZoomUserId(input.zoomUserId)).toBeNull();
      expect(await store().zoomConnections.clearConnection(userId, null)).toEqual({ previousState: 'not_connected', zoomUserId: null, zoomEmail: null, tokens: null });
      expect(await store().zoomConnections.clearConnection('no-such-user', null)).toBeNull();
    });

    test('listIdleConnections lists connected users last refreshed before the cut-off', async () => {
      const idle = await newUserId(store());
      const fresh = await newUserId(store());
      await store().zoomConnections.saveConnection(idle, connection({ connectedAt: new Date('2020-01-01T00:00:00Z') }));
      await store().zoomConnections.saveConnection(fresh, connection({ connectedAt: new Date() }));
      const listed = await store().zoomConnections.listIdleConnections(new Date(Date.now() - 60_000), 1000);
      expect(listed).toContain(idle);
      expect(listed).not.toContain(fresh);
    });
  });
};
