import { randomUUID } from 'node:crypto';
import type { NewInterview } from '../../src/domain/ports/interview-repository';
import { useStore, type StoreContract } from './store-contract';

const HOUR = 60 * 60 * 1000;
const BASE = Date.now() + 100 * HOUR;

function newInterview(overrides: Partial<NewInterview> & { startInHours: number }): NewInterview {
  const { startInHours, ...rest } = overrides;
  return {
    candidateName: 'Olive Overlap',
    candidateEmail: `olive-${randomUUID()}@contract.example.test`,
    position: 'Engineer',
    interviewerId: `interviewer-${randomUUID()}`,
    startTime: new Date(BASE + startInHours * HOUR),
    timeZone: 'Europe/Berlin',
    durationMinutes: 60,
    agenda: '',
    notes: '',
    createdById: 'recruiter-1',
    claim: { owner: 'request-a', expiresAt: new Date(Date.now() + 60_000) },
    ...rest,
  };
}

export const interviewOverlapContract: StoreContract = (makeStore) => {
  const store = useStore(makeStore);

  describe('InterviewRepository.findOverlapping', () => {
    test('finds live interviews of the interviewers or the candidate that overlap the window (ends touching do not), soonest first', async () => {
      const interviewerId = `interviewer-${randomUUID()}`;
      const candidateEmail = `shared-${randomUUID()}@contract.example.test`;
      const byInterviewer = await store().interviews.create(newInterview({ interviewerId, startInHours: 1 }));
      const byCandidate = await store().interviews.create(newInterview({ candidateEmail, startInHours: 0.5 }));
      const cancelled = await store().interviews.create(newInterview({ interviewerId, startInHours: 1.5 }));
      await store().interviews.cancel(cancelled.id, new Date());
      await store().interviews.create(newInterview({ interviewerId, startInHours: 0 })); // ends as the window opens
      await store().interviews.create(newInterview({ interviewerId, startInHours: 3 })); // starts as it closes
      await store().interviews.create(newInterview({ startInHours: 1 })); // someone else entirely

      const found = await store().interviews.findOverlapping({
        interviewerIds: [interviewerId],
        candidateEmail,
        from: new Date(BASE + 1 * HOUR),
        to: new Date(BASE + 3 * HOUR),
        limit: 10,
      });

      expect(found.map((record) => record.id)).toEqual([byCandidate.id, byInterviewer.id]);
    });

    test('leaves out the excluded interview and honours the limit', async () => {
      const interviewerId = `interviewer-${randomUUID()}`;
      const a = await store().interviews.create(newInterview({ interviewerId, startInHours: 10 }));
      const b = await store().interviews.create(newInterview({ interviewerId, startInHours: 10.25 }));
      await store().interviews.create(newInterview({ interviewerId, startInHours: 10.5 }));
      const window = { interviewerIds: [interviewerId], candidateEmail: null, from: new Date(BASE + 10 * HOUR), to: new Date(BASE + 11 * HOUR) };

      expect((await store().interviews.findOverlapping({ ...window, excludeId: a.id, limit: 1 })).map((r) => r.id)).toEqual([b.id]);
      expect(await store().interviews.findOverlapping({ ...window, interviewerIds: [], limit: 10 })).toEqual([]);
    });
  });
};
