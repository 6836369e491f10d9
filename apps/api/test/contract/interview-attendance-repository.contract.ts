import { randomUUID } from 'node:crypto';
import type { InterviewAttendance } from '../../src/domain/ports/interview-attendance-repository';
import { expectDate, useStore, type StoreContract } from './store-contract';

function attendance(interviewId: string, overrides: Partial<InterviewAttendance> = {}): Omit<InterviewAttendance, 'version'> {
  const { version: _version, ...rest } = {
    interviewId,
    zoomMeetingId: '85746065432',
    startedAt: new Date('2030-05-01T09:00:00Z'),
    endedAt: null,
    hostJoinedAt: new Date('2030-05-01T09:00:05Z'),
    candidateJoinedAt: null,
    candidateMatchedBy: null,
    candidateWaitingSince: null,
    zoomNotices: [],
    sessions: [
      { participantKey: 'p-1', name: 'Ivy Interviewer', email: 'ivy@example.com', role: 'host' as const, matchedBy: null, joinedAt: new Date('2030-05-01T09:00:05Z'), leftAt: null },
    ],
    updatedAt: new Date(),
    version: 0,
    ...overrides,
  };
  return rest;
}

export const interviewAttendanceRepositoryContract: StoreContract = (makeStore) => {
  describe('InterviewAttendanceRepository', () => {
    const store = useStore(makeStore);

    test('the first save creates the attendance; a second "create" for the same interview loses', async () => {
      const id = randomUUID();

      const results = await Promise.all([store().interviewAttendance.save(attendance(id), null), store().interviewAttendance.save(attendance(id), null)]);

      expect(results.filter(Boolean)).toHaveLength(1);
      const stored = await store().interviewAttendance.find(id);
      expect(stored).toMatchObject({ interviewId: id, zoomMeetingId: '85746065432', version: 1, candidateJoinedAt: null });
      expectDate(stored!.hostJoinedAt);
      expectDate(stored!.sessions[0]!.joinedAt);
      expect(stored!.sessions[0]).toMatchObject({ participantKey: 'p-1', role: 'host', leftAt: null, email: 'ivy@example.com' });
    });

    test('a save against a stale version is refused, so concurrent writers re-read instead of overwriting', async () => {
      const id = randomUUID();
      await store().interviewAttendance.save(attendance(id), null);
      const joinedAt = new Date('2030-05-01T09:01:00Z');

      const winner = await store().interviewAttendance.save(attendance(id, { candidateJoinedAt: joinedAt, candidateMatchedBy: 'email' }), 1);
      const loser = await store().interviewAttendance.save(attendance(id, { endedAt: new Date() }), 1);

      expect([winner, loser]).toEqual([true, false]);
      const stored = await store().interviewAttendance.find(id);
      expect(stored).toMatchObject({ version: 2, candidateMatchedBy: 'email', endedAt: null });
      expect(stored!.candidateJoinedAt!.toISOString()).toBe(joinedAt.toISOString());
    });

    test('findMany returns the attendance of the interviews that have one', async () => {
      const [a, b, none] = [randomUUID(), randomUUID(), randomUUID()];
      await store().interviewAttendance.save(attendance(a), null);
      await store().interviewAttendance.save(attendance(b), null);

      const found = await store().interviewAttendance.findMany([a, b, none]);

      expect(found.map((f) => f.interviewId).sort()).toEqual([a, b].sort());
      expect(await store().interviewAttendance.findMany([])).toEqual([]);
      expect(await store().interviewAttendance.find(none)).toBeNull();
    });
  });
};
