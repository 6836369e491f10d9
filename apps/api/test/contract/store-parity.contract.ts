/*
 * Behaviours where the memory store and MongoDB once disagreed (issue 10), pinned for both: missing
 * expiries, missing dates, undefined patch fields, audit and user order, races, fencing, old documents.
 */
import { randomUUID } from 'node:crypto';
import { ZoomMeetingTakenError, type NewInterview } from '../../src/domain/ports/interview-repository';
import type { Store } from '../../src/domain/ports/store';
import type { EncryptedZoomTokens, NewZoomConnection } from '../../src/domain/ports/zoom-connection-repository';
import { uniqueEmail, useStore, type StoreContract } from './store-contract';

const HOUR = 60 * 60 * 1000;
const PAST = new Date(Date.now() - HOUR);

function tokens(tag: string): EncryptedZoomTokens {
  return { accessToken: `v1.k.access-${tag}`, refreshToken: `v1.k.refresh-${tag}`, expiresAt: new Date(Date.now() + HOUR) };
}

function connection(overrides: Partial<NewZoomConnection> = {}): NewZoomConnection {
  return {
    zoomUserId: `zoom-${randomUUID()}`,
    zoomEmail: 'someone@zoom.example.test',
    zoomAccountId: 'acct-1',
    scopes: ['meeting:write'],
    tokens: tokens('initial'),
    connectedAt: new Date(Date.now() - 1000),
    ...overrides,
  };
}

async function connectedUser(store: Store, overrides: Partial<NewZoomConnection> = {}): Promise<string> {
  const user = await store.users.create({ name: 'Parity', email: uniqueEmail('parity'), role: 'interviewer', passwordHash: 'x' });
  expect(await store.zoomConnections.saveConnection(user.id, connection(overrides))).toEqual({ ok: true });
  return user.id;
}

function newInterview(overrides: Partial<NewInterview> = {}): NewInterview {
  return {
    candidateName: 'Casey Parity',
    candidateEmail: 'casey@contract.example.test',
    position: 'Engineer',
    interviewerId: `interviewer-${randomUUID()}`,
    startTime: new Date(Date.now() + 24 * HOUR),
    timeZone: 'UTC',
    durationMinutes: 30,
    agenda: '',
    notes: '',
    createdById: 'recruiter-1',
    claim: { owner: 'request-a', expiresAt: new Date(Date.now() + 60_000) },
    ...overrides,
  };
}

export const storeParityContract: StoreContract = (makeStore, raw) => {
  describe('store parity', () => {
    const store = useStore(makeStore);

    test('a refresh lease whose expiry is missing counts as free, in every store', async () => {
      const userId = await connectedUser(store());
      await raw.setUserFields(store(), userId, { zoomRefreshLeaseOwner: 'ghost', zoomRefreshLeaseExpiresAt: null });

      expect(await store().zoomConnections.acquireRefreshLease(userId, 'me', 60_000)).toBe(true);
      expect((await store().zoomConnections.getConnection(userId))!.refreshLease).toMatchObject({ owner: 'me' });
    });

    test('an interview claim whose expiry is missing counts as free, in every store', async () => {
      const created = await store().interviews.create(newInterview());
      await raw.setMeetingFields(store(), created.id, { claimedBy: 'ghost', claimExpiresAt: null });

      const claimed = await store().interviews.claim(created.id, 'worker', new Date(Date.now() + 60_000), new Date());

      expect(claimed?.meeting.claimedBy).toBe('worker');
    });

    test('a claim lasts what was asked for from the store clock, whatever `now` the caller passes', async () => {
      const created = await store().interviews.create(newInterview({ claim: { owner: 'gone', expiresAt: PAST } }));
      const skewed = new Date(Date.now() - 10 * HOUR); // a caller whose clock is ten hours behind

      const claimed = await store().interviews.claim(created.id, 'worker', new Date(skewed.getTime() + 60_000), skewed);

      expect(claimed?.meeting.claimExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 30_000);
      expect(await store().interviews.claim(created.id, 'other', new Date(Date.now() + 60_000), new Date())).toBeNull();
    });

    test('a connected user whose refresh and connect dates are both unknown is idle (the job keeps it alive)', async () => {
      const fresh = await makeStore();
      try {
        const userId = await connectedUser(fresh);
        await raw.setUserFields(fresh, userId, { zoomLastRefreshAt: null, zoomConnectedAt: null });

        expect(await fresh.zoomConnections.listIdleConnections(new Date(), 10)).toEqual([userId]);
      } finally {
        await fresh.close();
      }
    });

    test('patchMeeting leaves fields passed as undefined as they were', async () => {
      const created = await store().interviews.create(newInterview());
      await store().interviews.patchMeeting(created.id, 'request-a', { joinUrl: 'https://zoom.example.test/j/1', password: 'pw' });

      const patched = await store().interviews.patchMeeting(created.id, 'request-a', { joinUrl: undefined, password: 'new' });

      expect(patched?.meeting).toMatchObject({ joinUrl: 'https://zoom.example.test/j/1', password: 'new' });
      expect((await store().interviews.findById(created.id))?.meeting.joinUrl).toBe('https://zoom.example.test/j/1');
    });

    test('the audit log lists the newest `at` first, then the newest appended, whatever order events were appended in', async () => {
      const fresh = await makeStore();
      try {
        const event = (at: Date, label: string) => ({
          type: 'zoom.connected' as const,
          at,
          actor: { userId: null, email: null, kind: 'system' as const },
          subject: { userId: null, email: null },
          requestId: null,
          ip: null,
          details: { label },
        });
        const t = Date.now();
        await fresh.audit.append(event(new Date(t), 'middle'));
        await fresh.audit.append(event(new Date(t + 1000), 'newest'));
        await fresh.audit.append(event(new Date(t - 1000), 'oldest, appended late'));
        await fresh.audit.append(event(new Date(t), 'middle, appended second'));

        const { events, total } = await fresh.audit.list({ offset: 0, limit: 10 });

        expect(events.map((e) => e.details.label)).toEqual(['newest', 'middle, appended second', 'middle', 'oldest, appended late']);
        expect(total).toBe(4);
        expect((await fresh.audit.list({ offset: 1, limit: 2 })).events.map((e) => e.details.label)).toEqual(['middle, appended second', 'middle']);
      } finally {
        await fresh.close();
      }
    });

    test('users created at the same instant sort by email in binary order, not the locale order', async () => {
      const fresh = await makeStore();
      try {
        const tilde = await fresh.users.create({ name: 'T', email: 'zz~@parity.example.test', role: 'interviewer', passwordHash: 'x' });
        const letter = await fresh.users.create({ name: 'L', email: 'zza@parity.example.test', role: 'interviewer', passwordHash: 'x' });
        const at = new Date('2026-01-01T00:00:00Z');
        await raw.setUserFields(fresh, tilde.id, { createdAt: at });
        await raw.setUserFields(fresh, letter.id, { createdAt: at });

        expect((await fresh.users.list()).map((u) => u.email)).toEqual(['zza@parity.example.test', 'zz~@parity.example.test']);
      } finally {
        await fresh.close();
      }
    });

    test('two CRM users connecting the same Zoom user at once: exactly one keeps it, the other is refused and unchanged', async () => {
      const zoomUserId = `zoom-${randomUUID()}`;
      const users = await Promise.all([0, 1, 2].map(() => store().users.create({ name: 'Racer', email: uniqueEmail('race'), role: 'interviewer', passwordHash: 'x' })));

      const results = await Promise.all(users.map((user) => store().zoomConnections.saveConnection(user.id, connection({ zoomUserId }))));

      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'zoom_account_in_use' }, { ok: false, reason: 'zoom_account_in_use' }]);
      const winner = users[results.findIndex((r) => r.ok)]!;
      expect(await store().zoomConnections.findUserIdByZoomUserId(zoomUserId)).toBe(winner.id);
    });

    test('a document written before versioning (no token version) counts as version 0 for every compare-and-swap', async () => {
      const userId = await connectedUser(store());
      await raw.setUserFields(store(), userId, { zoomTokenVersion: undefined });
      expect((await store().zoomConnections.getConnection(userId))!.tokenVersion).toBe(0);

      expect(await store().zoomConnections.replaceTokens(userId, 0, tokens('after'), ['meeting:write'], new Date())).toBe(true);

      expect((await store().zoomConnections.getConnection(userId))).toMatchObject({ tokenVersion: 1, tokens: { refreshToken: 'v1.k.refresh-after' } });
    });

    test('of many processes racing for an expired refresh lease, exactly one wins', async () => {
      const userId = await connectedUser(store());
      await raw.setUserFields(store(), userId, { zoomRefreshLeaseOwner: 'crashed', zoomRefreshLeaseExpiresAt: PAST });

      const owners = Array.from({ length: 8 }, (_, i) => `racer-${i}`);
      const won = await Promise.all(owners.map((owner) => store().zoomConnections.acquireRefreshLease(userId, owner, 60_000)));

      expect(won.filter(Boolean)).toHaveLength(1);
    });

    test('of many processes racing for an expired job lease, exactly one wins', async () => {
      const job = `job-${randomUUID()}`;
      expect(await store().jobLeases.acquire(job, 'crashed', 0)).toBe(true); // lapses at once

      const won = await Promise.all(Array.from({ length: 8 }, (_, i) => store().jobLeases.acquire(job, `racer-${i}`, 60_000)));

      expect(won.filter(Boolean)).toHaveLength(1);
    });

    test('taking over a lapsed refresh lease contests the refresh: a fenced needs_reconnect is refused until the tokens change', async () => {
      const userId = await connectedUser(store());
      await raw.setUserFields(store(), userId, { zoomRefreshLeaseOwner: 'stalled', zoomRefreshLeaseExpiresAt: PAST });
      const { tokenVersion } = (await store().zoomConnections.getConnection(userId))!;

      expect(await store().zoomConnections.acquireRefreshLease(userId, 'taker', 60_000)).toBe(true);
      expect((await store().zoomConnections.getConnection(userId))!.refreshContested).toBe(true);
      expect(await store().zoomConnections.markNeedsReconnect(userId, 'invalid_grant', tokenVersion, { leaseOwner: 'taker' })).toBe(false);
      expect((await store().zoomConnections.getConnection(userId))!.state).toBe('connected');

      // The stalled holder comes back with the tokens Zoom gave it.
      expect(await store().zoomConnections.replaceTokens(userId, tokenVersion, tokens('landed'), ['meeting:write'], new Date())).toBe(true);
      expect((await store().zoomConnections.getConnection(userId))).toMatchObject({ state: 'connected', refreshContested: false, tokens: { refreshToken: 'v1.k.refresh-landed' } });
    });

    test('a fenced needs_reconnect applies for the lease holder, and never for an owner that lost the lease', async () => {
      const userId = await connectedUser(store());
      const { tokenVersion } = (await store().zoomConnections.getConnection(userId))!;
      expect(await store().zoomConnections.acquireRefreshLease(userId, 'holder', 60_000)).toBe(true);

      expect(await store().zoomConnections.markNeedsReconnect(userId, 'invalid_grant', tokenVersion, { leaseOwner: 'lost' })).toBe(false);
      expect((await store().zoomConnections.getConnection(userId))!.state).toBe('connected');

      expect(await store().zoomConnections.markNeedsReconnect(userId, 'invalid_grant', tokenVersion, { leaseOwner: 'holder' })).toBe(true);
      expect((await store().zoomConnections.getConnection(userId))).toMatchObject({ state: 'needs_reconnect', tokens: null });
    });

    test('a needs_reconnect for a refresh token that was since replaced is refused (only the rejected tokens are marked)', async () => {
      const userId = await connectedUser(store());
      const { tokenVersion } = (await store().zoomConnections.getConnection(userId))!;
      await store().zoomConnections.replaceTokens(userId, tokenVersion, tokens('newer'), ['meeting:write'], new Date());

      expect(await store().zoomConnections.markNeedsReconnect(userId, 'invalid_grant', tokenVersion)).toBe(false);
      expect((await store().zoomConnections.getConnection(userId))!.state).toBe('connected');
    });

    test('a conditional clear leaves a connection made since it was read (a reconnect) alone', async () => {
      const zoomUserId = `zoom-${randomUUID()}`;
      const userId = await connectedUser(store(), { zoomUserId, connectedAt: new Date(Date.now() - HOUR) });
      const read = await store().users.findById(userId);
      await store().zoomConnections.saveConnection(userId, connection({ zoomUserId, connectedAt: new Date() })); // reconnected

      expect(await store().zoomConnections.clearConnection(userId, 'removed in Zoom', { zoomUserId, connectedAt: read!.zoomConnectedAt })).toBeNull();
      expect((await store().zoomConnections.getConnection(userId))!.state).toBe('connected');

      const current = await store().users.findById(userId);
      expect(await store().zoomConnections.clearConnection(userId, 'removed in Zoom', { zoomUserId, connectedAt: current!.zoomConnectedAt })).toMatchObject({ previousState: 'connected' });
      expect((await store().zoomConnections.getConnection(userId))!.state).toBe('not_connected');
    });

    test('a Zoom meeting id held by a live interview cannot be stored on another; once deleted in Zoom it can', async () => {
      const zoomMeetingId = String(Date.now()) + String(Math.floor(Math.random() * 1e6));
      const holder = await store().interviews.create(newInterview());
      const adopter = await store().interviews.create(newInterview());
      await store().interviews.patchMeeting(holder.id, 'request-a', { zoomMeetingId });

      await expect(store().interviews.patchMeeting(adopter.id, 'request-a', { zoomMeetingId })).rejects.toBeInstanceOf(ZoomMeetingTakenError);
      await expect(store().interviews.release(adopter.id, 'request-a', adopter.revision, { zoomMeetingId, status: 'scheduled' })).rejects.toBeInstanceOf(ZoomMeetingTakenError);
      expect((await store().interviews.findById(adopter.id))!.meeting.zoomMeetingId).toBeNull();
      expect(await store().interviews.isZoomMeetingTaken(zoomMeetingId, adopter.id)).toBe(true);

      await store().interviews.patchMeeting(holder.id, 'request-a', { deletedInZoom: true });
      expect(await store().interviews.isZoomMeetingTaken(zoomMeetingId, adopter.id)).toBe(false);
      expect((await store().interviews.patchMeeting(adopter.id, 'request-a', { zoomMeetingId }))!.meeting.zoomMeetingId).toBe(zoomMeetingId);
    });

    test('a state change and its audit event written atomically both land', async () => {
      const userId = await connectedUser(store());

      const cleared = await store().atomically(async () => {
        const wiped = await store().zoomConnections.clearConnection(userId, 'test');
        await store().audit.append({ type: 'zoom.disconnected', at: new Date(), actor: { userId: null, email: null, kind: 'system' }, subject: { userId, email: null }, requestId: null, ip: null, details: {} });
        return wiped;
      });

      expect(cleared).toMatchObject({ previousState: 'connected' });
      expect((await store().zoomConnections.getConnection(userId))!.state).toBe('not_connected');
      const { events } = await store().audit.list({ offset: 0, limit: 50 });
      expect(events.some((event) => event.subject.userId === userId && event.type === 'zoom.disconnected')).toBe(true);
    });

    // Only a transaction can take back a write once made: MongoDB on a replica set (the CI workflow, compose).
    (raw.mongo ? test : test.skip)('when the work fails after the state change, neither the change nor its audit event lands (transaction)', async () => {
      const userId = await connectedUser(store());

      await expect(
        store().atomically(async () => {
          await store().zoomConnections.clearConnection(userId, 'test');
          await store().audit.append({ type: 'zoom.disconnected', at: new Date(), actor: { userId: null, email: null, kind: 'system' }, subject: { userId, email: null }, requestId: null, ip: null, details: { rolledBack: true } });
          throw new Error('the process failed between the writes');
        }),
      ).rejects.toThrow('the process failed between the writes');

      expect((await store().zoomConnections.getConnection(userId))!.state).toBe('connected');
      const { events } = await store().audit.list({ offset: 0, limit: 100 });
      expect(events.some((event) => event.subject.userId === userId)).toBe(false);
    });
  });
};
