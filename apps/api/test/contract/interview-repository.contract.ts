import { randomUUID } from 'node:crypto';
import type { NewInterview } from '../../src/domain/ports/interview-repository';
import { useStore, type StoreContract } from './store-contract';

const HOUR = 60 * 60 * 1000;

function newInterview(overrides: Partial<NewInterview> = {}): NewInterview {
  return {
    candidateName: 'Casey Contract',
    candidateEmail: 'casey@contract.example.test',
    position: 'Engineer',
    interviewerId: `interviewer-${randomUUID()}`,
    startTime: new Date(Date.now() + 24 * HOUR),
    timeZone: 'Europe/Berlin',
    durationMinutes: 45,
    agenda: 'Agenda',
    notes: 'Notes',
    createdById: 'recruiter-1',
    claim: { owner: 'request-a', expiresAt: new Date(Date.now() + 60_000) },
    ...overrides,
  };
}

export const interviewRepositoryContract: StoreContract = (makeStore) => {
  describe('InterviewRepository', () => {
    const store = useStore(makeStore);

    test('a new interview is scheduled, owes Zoom a create, is claimed by its creator, and reads back equal', async () => {
      const created = await store().interviews.create(newInterview({ durationMinutes: 30 }));

      expect(created).toMatchObject({ status: 'scheduled', revision: 1, meeting: { status: 'pending', pendingAction: 'create', zoomMeetingId: null, claimedBy: 'request-a', syncedRevision: 0, attempts: 0 } });
      expect(created.endTime.getTime() - created.startTime.getTime()).toBe(30 * 60_000);
      expect(await store().interviews.findById(created.id)).toEqual(created);
    });

    test('the interviews waiting for a fallback host are the scheduled ones still to start whose meeting failed with no_fallback_host_free, soonest first', async () => {
      const now = new Date();
      const failedWith = async (code: string, startInHours: number) => {
        const created = await store().interviews.create(newInterview({ startTime: new Date(now.getTime() + startInHours * HOUR) }));
        await store().interviews.release(created.id, 'request-a', created.revision, { status: 'failed', pendingAction: 'create', lastError: { code, message: 'm', at: now }, nextAttemptAt: null });
        return created;
      };
      const later = await failedWith('no_fallback_host_free', 30);
      const sooner = await failedWith('no_fallback_host_free', 20);
      const otherReason = await failedWith('zoom_not_configured', 10);
      const started = await failedWith('no_fallback_host_free', -1);
      const cancelled = await failedWith('no_fallback_host_free', 15);
      await store().interviews.cancel(cancelled.id, now);
      const mine = new Set([later.id, sooner.id, otherReason.id, started.id, cancelled.id]);

      const waiting = (await store().interviews.listWaitingForFallbackHost(now, 100)).filter((record) => mine.has(record.id));

      expect(waiting.map((record) => record.id)).toEqual([sooner.id, later.id]);
      expect(waiting[0]!.meeting.lastError?.code).toBe('no_fallback_host_free');
      expect((await store().interviews.listWaitingForFallbackHost(now, 1)).length).toBeLessThanOrEqual(1);
    });

    test('while one owner holds the claim another cannot take it; after release it can', async () => {
      const created = await store().interviews.create(newInterview());
      const now = new Date();

      expect(await store().interviews.claim(created.id, 'worker', new Date(now.getTime() + 60_000), now)).toBeNull();
      await store().interviews.release(created.id, 'request-a', created.revision, { status: 'scheduled', pendingAction: null });
      const claimed = await store().interviews.claim(created.id, 'worker', new Date(now.getTime() + 60_000), now);

      expect(claimed?.meeting.claimedBy).toBe('worker');
    });

    test('an expired claim can be taken over', async () => {
      const created = await store().interviews.create(newInterview({ claim: { owner: 'crashed', expiresAt: new Date(Date.now() - 1000) } }));

      const claimed = await store().interviews.claim(created.id, 'worker', new Date(Date.now() + 60_000), new Date());

      expect(claimed?.meeting.claimedBy).toBe('worker');
    });

    test('patchMeeting keeps a Zoom meeting id as a string and refuses a caller that lost the claim', async () => {
      const created = await store().interviews.create(newInterview());

      const patched = await store().interviews.patchMeeting(created.id, 'request-a', { zoomMeetingId: '98765432109876543', hostSource: 'system', hostReason: 'not_connected' });
      const refused = await store().interviews.patchMeeting(created.id, 'someone-else', { zoomMeetingId: '1' });

      expect(patched?.meeting.zoomMeetingId).toBe('98765432109876543');
      expect(refused).toBeNull();
      expect((await store().interviews.findById(created.id))?.meeting.zoomMeetingId).toBe('98765432109876543');
    });

    test('when the interview changed while its owner talked to Zoom, release does not overwrite: the meeting stays pending and due', async () => {
      const created = await store().interviews.create(newInterview());
      const changed = await store().interviews.updateDetails(created.id, { durationMinutes: 90 }, { bumpRevision: true, now: new Date() });

      const released = await store().interviews.release(created.id, 'request-a', created.revision, { status: 'scheduled', pendingAction: null });

      expect(changed?.revision).toBe(2);
      expect(changed!.endTime.getTime() - changed!.startTime.getTime()).toBe(90 * 60_000);
      expect(released?.meeting).toMatchObject({ status: 'pending', claimedBy: null });
      expect(released!.meeting.nextAttemptAt).not.toBeNull();
    });

    test('a create can carry its unconfirmed-create marker, so the write before the Zoom call is the create itself', async () => {
      const sending = { revision: 1, topic: 'Interview: Casey Contract – Engineer', startTime: '2030-01-01T10:00:00Z', hostSource: null, hostReason: null };
      const created = await store().interviews.create(newInterview({ unconfirmedCreate: sending }));

      expect(created.meeting.unconfirmedCreate).toEqual(sending);
      expect((await store().interviews.findById(created.id))?.meeting.unconfirmedCreate).toEqual(sending);
    });

    test('release records what Zoom did (the created meeting) in the same write, even when the interview changed meanwhile', async () => {
      const settledOne = await store().interviews.create(newInterview());
      const changedOne = await store().interviews.create(newInterview());
      await store().interviews.updateDetails(changedOne.id, { durationMinutes: 90 }, { bumpRevision: true, now: new Date() });
      const recorded = (id: string) => ({ zoomMeetingId: `8${id.replace(/\D/g, '').slice(0, 9).padEnd(9, '1')}`, joinUrl: 'https://zoom.example/j/1', unconfirmedCreate: null });

      const settled = await store().interviews.release(settledOne.id, 'request-a', 1, { status: 'scheduled', pendingAction: null, syncedRevision: 1 }, recorded(settledOne.id));
      const deferred = await store().interviews.release(changedOne.id, 'request-a', 1, { status: 'scheduled', pendingAction: null, syncedRevision: 1 }, recorded(changedOne.id));

      expect(settled?.meeting).toMatchObject({ status: 'scheduled', syncedRevision: 1, zoomMeetingId: recorded(settledOne.id).zoomMeetingId, claimedBy: null });
      expect(deferred?.meeting).toMatchObject({ status: 'pending', syncedRevision: 0, zoomMeetingId: recorded(changedOne.id).zoomMeetingId, unconfirmedCreate: null, claimedBy: null });
    });

    test('an unconfirmed create is remembered across reschedules, cancellation and a deferred release, until it is patched away', async () => {
      const created = await store().interviews.create(newInterview());
      const sent = { revision: 1, topic: 'Interview: Casey Contract – Engineer', startTime: '2030-01-01T10:00:00Z', hostSource: 'system' as const, hostReason: 'not_connected' as const };
      await store().interviews.patchMeeting(created.id, 'request-a', { unconfirmedCreate: sent, attempts: 1 });

      await store().interviews.updateDetails(created.id, { startTime: new Date(Date.now() + 48 * HOUR) }, { bumpRevision: true, now: new Date() });
      expect(await store().interviews.release(created.id, 'request-a', 1, { status: 'pending' })).toMatchObject({ revision: 2, meeting: { attempts: 0, unconfirmedCreate: sent } });
      const cancelled = await store().interviews.cancel(created.id, new Date());

      expect(cancelled).toMatchObject({ status: 'cancelled', meeting: { status: 'pending', attempts: 0, unconfirmedCreate: sent } });
      expect((await store().interviews.findById(created.id))!.meeting.unconfirmedCreate).toEqual(sent);
      const now = new Date();
      await store().interviews.claim(created.id, 'worker', new Date(now.getTime() + 60_000), now);
      expect((await store().interviews.patchMeeting(created.id, 'worker', { unconfirmedCreate: null }))!.meeting.unconfirmedCreate).toBeNull();
    });

    test('claimNextDue hands each due pending meeting to exactly one of many concurrent claimers', async () => {
      const fresh = await makeStore();
      try {
        const now = new Date();
        const created = await Promise.all(Array.from({ length: 3 }, () => fresh.interviews.create(newInterview({ claim: { owner: 'gone', expiresAt: new Date(now.getTime() - 1) } }))));

        const claims = await Promise.all(Array.from({ length: 10 }, (_, i) => fresh.interviews.claimNextDue(`worker-${i}`, new Date(now.getTime() + 60_000), new Date(now.getTime() + 1))));

        const won = claims.filter((c) => c !== null).map((c) => c.id);
        expect(won.sort()).toEqual(created.map((c) => c.id).sort());
      } finally {
        await fresh.close();
      }
    });

    test('cancel marks the interview cancelled once and owes Zoom the delete; details can no longer change', async () => {
      const created = await store().interviews.create(newInterview());

      const cancelled = await store().interviews.cancel(created.id, new Date());
      const again = await store().interviews.cancel(created.id, new Date());
      const edit = await store().interviews.updateDetails(created.id, { notes: 'x' }, { bumpRevision: false, now: new Date() });

      expect(cancelled).toMatchObject({ status: 'cancelled', revision: 2, meeting: { status: 'pending' } });
      expect(again).toBeNull();
      expect(edit).toBeNull();
    });

    test('a user-typed value starting with $ is stored as text, never read as a field path', async () => {
      const created = await store().interviews.create(newInterview());

      const updated = await store().interviews.updateDetails(created.id, { candidateName: '$position', agenda: '$$ROOT' }, { bumpRevision: true, now: new Date() });

      expect(updated).toMatchObject({ candidateName: '$position', agenda: '$$ROOT' });
    });

    test('list filters by interviewer, upcoming (soonest first) and past (latest first), and hides cancelled unless asked', async () => {
      const interviewerId = `interviewer-${randomUUID()}`;
      const now = new Date();
      const at = (hours: number) => new Date(now.getTime() + hours * HOUR);
      const past1 = await store().interviews.create(newInterview({ interviewerId, startTime: at(-48) }));
      const past2 = await store().interviews.create(newInterview({ interviewerId, startTime: at(-24) }));
      const soon = await store().interviews.create(newInterview({ interviewerId, startTime: at(2) }));
      const later = await store().interviews.create(newInterview({ interviewerId, startTime: at(5) }));
      const cancelled = await store().interviews.create(newInterview({ interviewerId, startTime: at(3) }));
      await store().interviews.cancel(cancelled.id, now);
      await store().interviews.create(newInterview({ startTime: at(4) }));

      const ids = async (when: 'upcoming' | 'past' | 'all', includeCancelled = false) =>
        (await store().interviews.list({ interviewerId, when, now, includeCancelled, limit: 50 })).map((i) => i.id);

      expect(await ids('upcoming')).toEqual([soon.id, later.id]);
      expect(await ids('past')).toEqual([past2.id, past1.id]);
      expect(await ids('upcoming', true)).toEqual([soon.id, cancelled.id, later.id]);
      expect(await ids('all')).toEqual([past1.id, past2.id, soon.id, later.id]);
    });

    test('isZoomMeetingTaken is true only when an interview other than the one asking stores that meeting id', async () => {
      const holder = await store().interviews.create(newInterview());
      const asking = await store().interviews.create(newInterview());
      const meetingId = String(Date.now()) + String(Math.floor(Math.random() * 1e6));
      await store().interviews.patchMeeting(holder.id, 'request-a', { zoomMeetingId: meetingId });

      expect(await store().interviews.isZoomMeetingTaken(meetingId, asking.id)).toBe(true);
      expect(await store().interviews.isZoomMeetingTaken(meetingId)).toBe(true);
      expect(await store().interviews.isZoomMeetingTaken(meetingId, holder.id)).toBe(false);
      expect(await store().interviews.isZoomMeetingTaken(`${meetingId}0`, asking.id)).toBe(false);
    });

    test('listStartUrlEnvelopes lists every stored start URL envelope, and replaceStartUrlEnvelope swaps one only while it still holds the expected value', async () => {
      const fresh = await makeStore();
      try {
        const withUrl = await fresh.interviews.create(newInterview());
        const cancelled = await fresh.interviews.create(newInterview());
        await fresh.interviews.create(newInterview());
        await fresh.interviews.patchMeeting(withUrl.id, 'request-a', { startUrlEnvelope: 'v1.old.first' });
        await fresh.interviews.patchMeeting(cancelled.id, 'request-a', { startUrlEnvelope: 'v1.old.second' });
        await fresh.interviews.cancel(cancelled.id, new Date());

        const listed = await fresh.interviews.listStartUrlEnvelopes();
        const stale = await fresh.interviews.replaceStartUrlEnvelope(withUrl.id, 'v1.old.other', 'v1.new.lost');
        const swapped = await fresh.interviews.replaceStartUrlEnvelope(withUrl.id, 'v1.old.first', 'v1.new.first');
        const again = await fresh.interviews.replaceStartUrlEnvelope(withUrl.id, 'v1.old.first', 'v1.new.twice');
        const absent = await fresh.interviews.replaceStartUrlEnvelope(randomUUID(), 'v1.old.first', 'v1.new.none');

        expect(listed.sort((a, b) => a.envelope.localeCompare(b.envelope))).toEqual([
          { id: withUrl.id, envelope: 'v1.old.first' },
          { id: cancelled.id, envelope: 'v1.old.second' },
        ]);
        expect([stale, swapped, again, absent]).toEqual([false, true, false, false]);
        const stored = await fresh.interviews.findById(withUrl.id);
        expect(stored?.meeting.startUrlEnvelope).toBe('v1.new.first');
        expect(stored?.meeting.claimedBy).toBe('request-a');
      } finally {
        await fresh.close();
      }
    });

    test('countMeetingHosts groups meetings created since a date by interviewer, host source and reason', async () => {
      const fresh = await makeStore();
      try {
        const make = async (interviewerId: string, hostSource: 'interviewer' | 'system', hostReason: 'connected' | 'not_connected', createdInZoomAt: Date) => {
          const created = await fresh.interviews.create(newInterview({ interviewerId }));
          await fresh.interviews.patchMeeting(created.id, 'request-a', { hostSource, hostReason, createdInZoomAt, zoomMeetingId: randomUUID() });
        };
        const now = Date.now();
        await make('a', 'interviewer', 'connected', new Date(now - HOUR));
        await make('a', 'interviewer', 'connected', new Date(now - 2 * HOUR));
        await make('a', 'system', 'not_connected', new Date(now - HOUR));
        await make('b', 'system', 'not_connected', new Date(now - 40 * 24 * HOUR));

        const counts = await fresh.interviews.countMeetingHosts(new Date(now - 30 * 24 * HOUR));

        expect(counts.sort((x, y) => x.hostSource.localeCompare(y.hostSource))).toEqual([
          { interviewerId: 'a', hostSource: 'interviewer', hostReason: 'connected', count: 2 },
          { interviewerId: 'a', hostSource: 'system', hostReason: 'not_connected', count: 1 },
        ]);
      } finally {
        await fresh.close();
      }
    });
  });
};
