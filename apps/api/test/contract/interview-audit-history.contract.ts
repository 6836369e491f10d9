import { randomUUID } from 'node:crypto';
import type { AuditEventRecord } from '../../src/domain/ports/audit-repository';
import { useStore, type StoreContract } from './store-contract';

function event(interviewId: string | null, second: number, type: AuditEventRecord['type'] = 'interview.rescheduled'): Omit<AuditEventRecord, 'id'> {
  return {
    type,
    at: new Date(Date.UTC(2030, 0, 1, 12, 0, second)),
    actor: { userId: 'recruiter-1', email: 'recruiter@example.test', kind: 'user' },
    subject: { userId: 'interviewer-1', email: 'interviewer@example.test' },
    requestId: null,
    ip: null,
    ...(interviewId === null ? {} : { interviewId }),
    details: interviewId === null ? {} : { interviewId },
  };
}

export const interviewAuditHistoryContract: StoreContract = (makeStore) => {
  const store = useStore(makeStore);

  describe('AuditRepository.listForInterview', () => {
    test('returns only that interview’s events, oldest first (same instant: in append order), at most limit', async () => {
      const id = randomUUID();
      await store().audit.append(event(id, 5, 'interview.cancelled'));
      await store().audit.append(event(id, 1, 'interview.scheduled'));
      await store().audit.append(event(randomUUID(), 2));
      await store().audit.append(event(null, 3));
      const sameInstantFirst = await store().audit.append(event(id, 3));
      const sameInstantSecond = await store().audit.append(event(id, 3, 'meeting.rehosted'));

      const all = await store().audit.listForInterview(id, 10);
      expect(all.map((e) => e.type)).toEqual(['interview.scheduled', 'interview.rescheduled', 'meeting.rehosted', 'interview.cancelled']);
      expect(all.slice(1, 3).map((e) => e.id)).toEqual([sameInstantFirst.id, sameInstantSecond.id]);
      expect((await store().audit.listForInterview(id, 2)).map((e) => e.type)).toEqual(['interview.scheduled', 'interview.rescheduled']);
      expect(await store().audit.listForInterview(randomUUID(), 10)).toEqual([]);
    });
  });
};
