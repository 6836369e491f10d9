import { randomUUID } from 'node:crypto';
import type { NewZoomEvent } from '../../src/domain/ports/zoom-event-repository';
import { expectDate, useStore, type StoreContract } from './store-contract';

function newEvent(overrides: Partial<NewZoomEvent> = {}): NewZoomEvent {
  const eventTs = Date.now();
  return {
    dedupeKey: `meeting.started|${randomUUID()}||${eventTs}`,
    event: 'meeting.started',
    eventTs,
    body: { event: 'meeting.started', event_ts: eventTs, payload: { object: { id: '123', topic: 'Interview' } } },
    receivedAt: new Date(),
    receivedBy: { requestId: 'req-1', ip: '127.0.0.1' },
    ...overrides,
  };
}

export const zoomEventRepositoryContract: StoreContract = (makeStore) => {
  describe('ZoomEventRepository', () => {
    const store = useStore(makeStore);

    test('an event is recorded once per dedupe key; later deliveries of the same key are counted as duplicates', async () => {
      const input = newEvent();

      const [first, second, third] = await Promise.all([store().zoomEvents.record(input), store().zoomEvents.record(input), store().zoomEvents.record(input)]);

      const recorded = [first, second, third].filter((r) => r.recorded);
      expect(recorded).toHaveLength(1);
      const id = recorded[0]!.recorded ? recorded[0]!.record.id : '';
      for (const result of [first, second, third]) if (!result.recorded) expect(result.duplicateOf).toBe(id);
      const stored = await store().zoomEvents.findById(id);
      expect(stored).toMatchObject({ dedupeKey: input.dedupeKey, status: 'pending', attempts: 0, duplicateDeliveries: 2, body: input.body, receivedBy: input.receivedBy });
      expectDate(stored!.receivedAt);
    });

    test('a pending event is claimed by one owner at a time, and by another once the claim lapses', async () => {
      const result = await store().zoomEvents.record(newEvent());
      if (!result.recorded) throw new Error('not recorded');
      const now = new Date();
      const until = new Date(now.getTime() + 60_000);

      const claims = await Promise.all(['a', 'b'].map((owner) => store().zoomEvents.claim(result.record.id, owner, until, now)));

      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(claims.find(Boolean)!.attempts).toBe(1);
      expect(await store().zoomEvents.claim(result.record.id, 'c', until, now)).toBeNull();
      const later = new Date(until.getTime() + 1);
      expect(await store().zoomEvents.claim(result.record.id, 'c', new Date(later.getTime() + 60_000), later)).toMatchObject({ attempts: 2 });
    });

    test('finish drops a sealed download token from the stored body and keeps the rest', async () => {
      const result = await store().zoomEvents.record(newEvent({ body: { event: 'recording.transcript_completed', event_ts: 1, payload: { object: { id: '9' } }, sealed_download_token: 'v1:sealed' } }));
      if (!result.recorded) throw new Error('not recorded');
      const now = new Date();
      await store().zoomEvents.claim(result.record.id, 'owner', new Date(now.getTime() + 60_000), now);

      expect(await store().zoomEvents.finish(result.record.id, 'owner', { status: 'processed', outcome: 'transcript_attached', error: null, at: now })).toBe(true);

      const stored = await store().zoomEvents.findById(result.record.id);
      expect(stored!.body).toEqual({ event: 'recording.transcript_completed', event_ts: 1, payload: { object: { id: '9' } } });
    });

    test('finish marks the event processed only for the claim holder; a processed event is never claimed again', async () => {
      const result = await store().zoomEvents.record(newEvent());
      if (!result.recorded) throw new Error('not recorded');
      const now = new Date();
      await store().zoomEvents.claim(result.record.id, 'owner', new Date(now.getTime() + 60_000), now);

      expect(await store().zoomEvents.finish(result.record.id, 'intruder', { status: 'processed', outcome: 'x', error: null, at: now })).toBe(false);
      expect(await store().zoomEvents.finish(result.record.id, 'owner', { status: 'processed', outcome: 'attendance_updated', error: null, at: now })).toBe(true);

      const stored = await store().zoomEvents.findById(result.record.id);
      expect(stored).toMatchObject({ status: 'processed', outcome: 'attendance_updated', lastError: null });
      expectDate(stored!.processedAt);
      const farFuture = new Date(now.getTime() + 10 * 60 * 60 * 1000);
      expect(await store().zoomEvents.claim(result.record.id, 'other', new Date(farFuture.getTime() + 1), farFuture)).toBeNull();
    });

    test('retryLater keeps the event pending but not due before nextAttemptAt; claimNextDue takes the oldest due event', async () => {
      const fresh = await makeStore();
      try {
        const base = Date.now();
        const older = await fresh.zoomEvents.record(newEvent({ receivedAt: new Date(base - 2000) }));
        const newer = await fresh.zoomEvents.record(newEvent({ receivedAt: new Date(base - 1000) }));
        if (!older.recorded || !newer.recorded) throw new Error('not recorded');
        const now = new Date(base);
        const until = new Date(base + 60_000);

        const first = await fresh.zoomEvents.claimNextDue('w', until, now);
        expect(first!.id).toBe(older.record.id);
        expect(await fresh.zoomEvents.retryLater(older.record.id, 'w', { error: 'boom', nextAttemptAt: new Date(base + 30_000) })).toBe(true);

        const second = await fresh.zoomEvents.claimNextDue('w', until, now);
        expect(second!.id).toBe(newer.record.id);
        expect(await fresh.zoomEvents.claimNextDue('w', until, now)).toBeNull();
        const again = await fresh.zoomEvents.claimNextDue('w', new Date(base + 90_000), new Date(base + 30_000));
        expect(again).toMatchObject({ id: older.record.id, attempts: 2, lastError: 'boom' });
        expect(await fresh.zoomEvents.counts()).toEqual({ pending: 2, processed: 0, failed: 0, duplicateDeliveries: 0 });
      } finally {
        await fresh.close();
      }
    });
  });
};
