import { randomUUID } from 'node:crypto';
import type { NewOutboxMessage } from '../../src/domain/ports/outbox-repository';
import { expectDate, expectPlain, useStore, type StoreContract } from './store-contract';

const T0 = new Date('2030-01-01T09:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

export const invitationRepositoryContract: StoreContract = (makeStore) => {
  describe('InvitationRepository', () => {
    const store = useStore(makeStore);

    test('the first version is SEQUENCE 0; a new fingerprint raises it by one and keeps the UID; the same fingerprint changes nothing', async () => {
      const interviewId = randomUUID();
      expect(await store().invitations.find(interviewId)).toBeNull();

      const first = await store().invitations.advance(interviewId, { uid: `${interviewId}@crm`, fingerprint: 'a', method: 'REQUEST' }, at(0));
      const same = await store().invitations.advance(interviewId, { uid: 'ignored@crm', fingerprint: 'a', method: 'REQUEST' }, at(1));
      const changed = await store().invitations.advance(interviewId, { uid: 'ignored@crm', fingerprint: 'b', method: 'CANCEL' }, at(2));

      expect(first).toMatchObject({ issued: true, record: { interviewId, uid: `${interviewId}@crm`, sequence: 0, method: 'REQUEST', fingerprint: 'a' } });
      expect(same).toMatchObject({ issued: false, record: { sequence: 0, fingerprint: 'a' } });
      expect(changed).toMatchObject({ issued: true, record: { uid: `${interviewId}@crm`, sequence: 1, method: 'CANCEL', fingerprint: 'b' } });
      const stored = await store().invitations.find(interviewId);
      expect(stored).toMatchObject({ sequence: 1, method: 'CANCEL' });
      expectPlain(stored);
      expectDate(stored!.updatedAt);
      expect(stored!.updatedAt.getTime()).toBe(at(2).getTime());
    });

    test('concurrent advances to one new fingerprint issue it exactly once', async () => {
      const interviewId = randomUUID();
      await store().invitations.advance(interviewId, { uid: `${interviewId}@crm`, fingerprint: 'v0', method: 'REQUEST' }, at(0));

      const results = await Promise.all(Array.from({ length: 5 }, () => store().invitations.advance(interviewId, { uid: `${interviewId}@crm`, fingerprint: 'v1', method: 'REQUEST' }, at(1))));

      expect(results.filter((result) => result.issued)).toHaveLength(1);
      expect((await store().invitations.find(interviewId))!.sequence).toBe(1);
    });
  });
};

function message(key: string, overrides: Partial<NewOutboxMessage> = {}): NewOutboxMessage {
  return {
    idempotencyKey: key,
    interviewId: 'interview-1',
    kind: 'invitation',
    audience: 'candidate',
    sequence: 0,
    to: { name: 'Zoë Ørsted', email: 'zoe@candidate.example' },
    subject: 'Invitation',
    text: 'Hello',
    html: '<p>Hello</p>',
    attachments: [{ filename: 'invite.ics', contentType: 'text/calendar; charset=utf-8; method=REQUEST', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' }],
    ...overrides,
  };
}

export const outboxRepositoryContract: StoreContract = (makeStore) => {
  describe('OutboxRepository', () => {
    test('a message is stored once per idempotency key, as given', async () => {
      const store = await makeStore();
      try {
        const key = `k-${randomUUID()}`;
        const first = await store.outbox.enqueue(message(key), at(0));
        const second = await store.outbox.enqueue(message(key, { subject: 'a different rendering' }), at(1));

        expect(first.created).toBe(true);
        expect(second).toMatchObject({ created: false, message: { id: first.message.id, subject: 'Invitation' } });
        expect(first.message).toMatchObject({ status: 'queued', attempts: 0, lastError: null, sentAt: null, to: { name: 'Zoë Ørsted', email: 'zoe@candidate.example' } });
        expect(first.message.attachments).toEqual(message(key).attachments);
        expectPlain(first.message);
        expectDate(first.message.createdAt);
        expect(await store.outbox.listRecent(10)).toHaveLength(1);
      } finally {
        await store.close();
      }
    });

    test('claims go to the message due soonest, one claimant each, and count the attempt; a claimed message is not claimed again until its claim expires', async () => {
      const store = await makeStore();
      try {
        const later = await store.outbox.enqueue(message(`k-${randomUUID()}`), at(5));
        const sooner = await store.outbox.enqueue(message(`k-${randomUUID()}`), at(1));
        expect(await store.outbox.claimNextDue('w1', at(60), at(0))).toBeNull();

        const claims = await Promise.all(['w1', 'w2', 'w3'].map((owner) => store.outbox.claimNextDue(owner, at(60), at(10))));
        const claimed = claims.filter((claim) => claim !== null);

        expect(claimed.map((claim) => claim.id).sort()).toEqual([sooner.message.id, later.message.id].sort());
        expect(claimed.every((claim) => claim.attempts === 1)).toBe(true);
        expect(await store.outbox.claimNextDue('w4', at(60), at(20))).toBeNull();
        const reclaimed = await store.outbox.claimNextDue('w4', at(200), at(61));
        expect(reclaimed?.attempts).toBe(2);
      } finally {
        await store.close();
      }
    });

    test('only the claimant settles: sent is final, a retry waits until nextAttemptAt, failed is never claimed again', async () => {
      const store = await makeStore();
      try {
        const a = await store.outbox.enqueue(message(`k-${randomUUID()}`), at(0));
        const b = await store.outbox.enqueue(message(`k-${randomUUID()}`), at(1));
        const first = (await store.outbox.claimNextDue('w1', at(60), at(2)))!;
        expect(first.id).toBe(a.message.id);
        expect(await store.outbox.settle(first.id, 'intruder', { status: 'sent', sentAt: at(3) })).toBe(false);
        expect(await store.outbox.settle(first.id, 'w1', { status: 'sent', sentAt: at(3) })).toBe(true);

        const second = (await store.outbox.claimNextDue('w1', at(60), at(4)))!;
        expect(second.id).toBe(b.message.id);
        expect(await store.outbox.settle(second.id, 'w1', { status: 'queued', lastError: 'ECONNECTION', nextAttemptAt: at(100) })).toBe(true);
        expect(await store.outbox.claimNextDue('w1', at(160), at(99))).toBeNull();
        const retried = (await store.outbox.claimNextDue('w1', at(160), at(100)))!;
        expect(retried).toMatchObject({ id: b.message.id, attempts: 2, lastError: 'ECONNECTION' });
        expect(await store.outbox.settle(retried.id, 'w1', { status: 'failed', lastError: '550 no such user' })).toBe(true);
        expect(await store.outbox.claimNextDue('w1', at(10_000), at(5_000))).toBeNull();

        const recent = await store.outbox.listRecent(10);
        expect(recent.map((m) => [m.id, m.status])).toEqual([
          [b.message.id, 'failed'],
          [a.message.id, 'sent'],
        ]);
        expect(recent[1]!.sentAt!.getTime()).toBe(at(3).getTime());
        expect(recent[0]!.nextAttemptAt).toBeNull();
      } finally {
        await store.close();
      }
    });
  });
};

export const calendarFeedRepositoryContract: StoreContract = (makeStore) => {
  describe('CalendarFeedRepository', () => {
    const store = useStore(makeStore);

    test('one feed per user: replacing it retires the old hash at once, revoking removes it', async () => {
      const userId = randomUUID();
      const [oldHash, newHash] = [`h-${randomUUID()}`, `h-${randomUUID()}`];
      expect(await store().calendarFeeds.findByUser(userId)).toBeNull();

      await store().calendarFeeds.replace(userId, oldHash, at(0));
      const replaced = await store().calendarFeeds.replace(userId, newHash, at(1));

      expect(replaced).toEqual({ userId, secretHash: newHash, createdAt: at(1) });
      expect(await store().calendarFeeds.findBySecretHash(oldHash)).toBeNull();
      expect(await store().calendarFeeds.findBySecretHash(newHash)).toMatchObject({ userId });
      expectPlain(await store().calendarFeeds.findByUser(userId));
      expect(await store().calendarFeeds.revoke(userId)).toBe(true);
      expect(await store().calendarFeeds.revoke(userId)).toBe(false);
      expect(await store().calendarFeeds.findBySecretHash(newHash)).toBeNull();
    });
  });
};
