import { randomUUID } from 'node:crypto';
import type { InterviewRecord, NewInterview } from '../../src/domain/ports/interview-repository';
import type { Store } from '../../src/domain/ports/store';
import { useStore, type StoreContract } from './store-contract';

const HOUR = 60 * 60 * 1000;

function newInterview(interviewerId: string, startInHours = 24): NewInterview {
  return {
    candidateName: 'Robin Rehost',
    candidateEmail: 'robin@contract.example.test',
    position: 'Engineer',
    interviewerId,
    startTime: new Date(Date.now() + startInHours * HOUR),
    timeZone: 'Europe/Berlin',
    durationMinutes: 45,
    agenda: '',
    notes: '',
    createdById: 'recruiter-1',
    claim: { owner: 'request-a', expiresAt: new Date(Date.now() + 60_000) },
  };
}

/** An interview whose meeting exists in Zoom on `hostSource`'s account, settled and unclaimed. */
async function hosted(store: Store, interviewerId: string, hostSource: 'interviewer' | 'system', startInHours = 24): Promise<InterviewRecord> {
  const created = await store.interviews.create(newInterview(interviewerId, startInHours));
  const zoomMeetingId = String(Math.floor(Math.random() * 1e11));
  return (await store.interviews.release(created.id, 'request-a', created.revision, {
    status: 'scheduled',
    pendingAction: null,
    zoomMeetingId,
    joinUrl: `https://zoom.example/j/${zoomMeetingId}`,
    password: 'pw',
    hostSource,
    hostReason: hostSource === 'interviewer' ? 'connected' : 'not_connected',
    hostZoomUserId: 'zoom-user-1',
    syncedRevision: created.revision,
    nextAttemptAt: null,
  }))!;
}

export const meetingRehostContract: StoreContract = (makeStore) => {
  describe('InterviewRepository.markForRehost', () => {
    const store = useStore(makeStore);

    test("queues each upcoming meeting on the interviewer's own account once: the old meeting is kept as previousMeeting and a create is owed now", async () => {
      const interviewerId = `interviewer-${randomUUID()}`;
      const own = await hosted(store(), interviewerId, 'interviewer');
      const onSystem = await hosted(store(), interviewerId, 'system');
      const past = await hosted(store(), interviewerId, 'interviewer', -5);
      const otherInterviewer = await hosted(store(), `interviewer-${randomUUID()}`, 'interviewer');
      const now = new Date();

      const first = await store().interviews.markForRehost([{ interviewerId, reason: 'interviewer_disconnected' }], now);
      const second = await store().interviews.markForRehost([{ interviewerId, reason: 'interviewer_disconnected' }], now);

      expect(first).toEqual([own.id]);
      expect(second).toEqual([]);
      const queued = (await store().interviews.findById(own.id))!;
      expect(queued.revision).toBe(own.revision + 1);
      expect(queued.meeting).toMatchObject({
        status: 'pending',
        pendingAction: 'create',
        zoomMeetingId: null,
        joinUrl: null,
        rehostReason: 'interviewer_disconnected',
        previousMeeting: { zoomMeetingId: own.meeting.zoomMeetingId, hostSource: 'interviewer', hostZoomUserId: 'zoom-user-1', joinUrl: own.meeting.joinUrl },
        attempts: 0,
      });
      expect(queued.meeting.nextAttemptAt?.getTime()).toBe(now.getTime());
      for (const untouched of [onSystem, past, otherInterviewer]) expect(await store().interviews.findById(untouched.id)).toEqual(untouched);
    });
  });
};
