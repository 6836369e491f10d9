import type { AuditEventRecord } from '../../src/domain/ports/audit-repository';
import type { Store } from '../../src/domain/ports/store';
import { expectDate, expectPlain, type MakeStore, type StoreContract } from './store-contract';

type NewAuditEvent = Omit<AuditEventRecord, 'id'>;

function auditEvent(n: number, overrides: Partial<NewAuditEvent> = {}): NewAuditEvent {
  return {
    type: 'zoom.connected',
    at: new Date(Date.UTC(2030, 0, 1, 12, 0, n)),
    actor: { userId: `user-${n}`, email: `actor-${n}@example.test`, kind: 'user' },
    subject: { userId: `user-${n}`, email: `subject-${n}@example.test` },
    requestId: `request-${n}`,
    ip: '127.0.0.1',
    details: { n, nested: { scopes: ['meeting:write'] } },
    ...overrides,
  };
}

async function withFreshStore(makeStore: MakeStore, run: (store: Store) => Promise<void>): Promise<void> {
  const store = await makeStore();
  try {
    await run(store);
  } finally {
    await store.close();
  }
}

export const auditRepositoryContract: StoreContract = (makeStore) => {
  describe('AuditRepository', () => {
    test('an appended event comes back with an id and every field as given', async () => {
      await withFreshStore(makeStore, async (store) => {
        const input = auditEvent(1);
        const appended = await store.audit.append(input);
        expect(appended).toEqual({ ...input, id: expect.any(String) });
        expectDate(appended.at);
        expectPlain(appended);
        expectPlain(appended.details);
        expect(await store.audit.list({ offset: 0, limit: 10 })).toEqual({ events: [appended], total: 1 });
      });
    });

    test('null actor, subject, request id and ip and empty details survive the round trip', async () => {
      await withFreshStore(makeStore, async (store) => {
        const input = auditEvent(1, {
          type: 'zoom.keys_rotated',
          actor: { userId: null, email: null, kind: 'system' },
          subject: { userId: null, email: null },
          requestId: null,
          ip: null,
          details: {},
        });
        const appended = await store.audit.append(input);
        expect((await store.audit.list({ offset: 0, limit: 10 })).events).toEqual([{ ...input, id: appended.id }]);
      });
    });

    test('list pages newest first, and total counts every event whatever the page', async () => {
      await withFreshStore(makeStore, async (store) => {
        const appended: AuditEventRecord[] = [];
        for (let n = 1; n <= 5; n += 1) appended.push(await store.audit.append(auditEvent(n)));
        const newestFirst = [...appended].reverse();

        expect(await store.audit.list({ offset: 0, limit: 2 })).toEqual({ events: newestFirst.slice(0, 2), total: 5 });
        expect(await store.audit.list({ offset: 2, limit: 2 })).toEqual({ events: newestFirst.slice(2, 4), total: 5 });
        expect(await store.audit.list({ offset: 4, limit: 2 })).toEqual({ events: newestFirst.slice(4), total: 5 });
        expect(await store.audit.list({ offset: 5, limit: 2 })).toEqual({ events: [], total: 5 });
        expect(await store.audit.list({ offset: 0, limit: 100 })).toEqual({ events: newestFirst, total: 5 });
      });
    });

    test('events appended with the same timestamp (a frozen clock) still list last-appended first', async () => {
      await withFreshStore(makeStore, async (store) => {
        const at = new Date('2030-06-01T00:00:00.000Z');
        const ids: string[] = [];
        for (let n = 1; n <= 4; n += 1) ids.push((await store.audit.append(auditEvent(n, { at }))).id);
        const listed = await store.audit.list({ offset: 0, limit: 10 });
        expect(listed.events.map((e) => e.id)).toEqual([...ids].reverse());
      });
    });

    test('an empty audit log lists no events and a total of 0', async () => {
      await withFreshStore(makeStore, async (store) => {
        expect(await store.audit.list({ offset: 0, limit: 10 })).toEqual({ events: [], total: 0 });
      });
    });

    test('every appended event gets its own id', async () => {
      await withFreshStore(makeStore, async (store) => {
        const appended = await Promise.all([1, 2, 3, 4, 5].map((n) => store.audit.append(auditEvent(n))));
        expect(new Set(appended.map((e) => e.id)).size).toBe(5);
        expect((await store.audit.list({ offset: 0, limit: 10 })).total).toBe(5);
      });
    });

    test('mutating an appended or listed event, or the input, changes nothing stored', async () => {
      await withFreshStore(makeStore, async (store) => {
        const input = auditEvent(1);
        const expected = structuredClone(input);
        const appended = await store.audit.append(input);

        input.actor.email = 'input-mutated@example.test';
        (input.details.nested as { scopes: string[] }).scopes.push('input-mutated');
        appended.details.n = 99;
        appended.at.setFullYear(1999);
        const listed = (await store.audit.list({ offset: 0, limit: 1 })).events[0]!;
        listed.subject.userId = 'listed-mutated';
        (listed.details.nested as { scopes: string[] }).scopes.push('listed-mutated');

        expect((await store.audit.list({ offset: 0, limit: 1 })).events).toEqual([{ ...expected, id: appended.id }]);
      });
    });

    test('the repository offers no way to change or remove an event (append-only)', async () => {
      await withFreshStore(makeStore, async (store) => {
        const methods = new Set<string>();
        for (let proto = Object.getPrototypeOf(store.audit); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
          for (const name of Object.getOwnPropertyNames(proto)) if (name !== 'constructor') methods.add(name);
        }
        for (const name of Object.keys(store.audit)) if (typeof (store.audit as unknown as Record<string, unknown>)[name] === 'function') methods.add(name);
        expect([...methods].filter((name) => /update|delete|remove|clear|set|replace|edit/i.test(name))).toEqual([]);
      });
    });

    test('query filters by actor, subject, interview, types and time, newest first, in cursor pages that skip nothing', async () => {
      await withFreshStore(makeStore, async (store) => {
        for (let n = 1; n <= 5; n += 1) {
          await store.audit.append(auditEvent(n, { type: 'interview.scheduled', actor: { userId: 'rita', email: null, kind: 'user' }, interviewId: n % 2 ? 'odd' : 'even' }));
        }
        await store.audit.append(auditEvent(6, { type: 'zoom.connected', subject: { userId: 'ivy', email: null } }));

        const first = await store.audit.query({ actorUserId: 'rita', interviewId: 'odd' }, { after: null, limit: 2 });
        expect(first.events.map((event) => event.details.n)).toEqual([5, 3]);
        expect(first.next).toEqual(expect.any(String));
        const second = await store.audit.query({ actorUserId: 'rita', interviewId: 'odd' }, { after: first.next, limit: 2 });
        expect(second).toEqual({ events: [expect.objectContaining({ interviewId: 'odd', details: expect.objectContaining({ n: 1 }) })], next: null });

        expect((await store.audit.query({ subjectUserId: 'ivy' }, { after: null, limit: 10 })).events.map((event) => event.type)).toEqual(['zoom.connected']);
        expect((await store.audit.query({ types: ['zoom.connected', 'interview.scheduled'] }, { after: null, limit: 10 })).events).toHaveLength(6);
        const window = { from: new Date(Date.UTC(2030, 0, 1, 12, 0, 2)), to: new Date(Date.UTC(2030, 0, 1, 12, 0, 3)) };
        expect((await store.audit.query(window, { after: null, limit: 10 })).events.map((event) => event.details.n)).toEqual([3, 2]);
        expect(await store.audit.query({}, { after: 'not-a-cursor', limit: 10 })).toEqual({ events: [], next: null });
      });
    });
  });
};
