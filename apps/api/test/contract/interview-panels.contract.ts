import { randomUUID } from 'node:crypto';
import type { NewInterview } from '../../src/domain/ports/interview-repository';
import { useStore, type StoreContract } from './store-contract';

const HOUR = 60 * 60 * 1000;
const BASE = Date.now() + 200 * HOUR;

function panelInterview(interviewerIds: string[], startInHours: number, overrides: Partial<NewInterview> = {}): NewInterview {
  return {
    candidateName: 'Pat Panel',
    candidateEmail: `pat-${randomUUID()}@contract.example.test`,
    position: 'Engineer',
    interviewerId: interviewerIds[0]!,
    interviewerIds,
    startTime: new Date(BASE + startInHours * HOUR),
    timeZone: 'Europe/Berlin',
    durationMinutes: 60,
    agenda: '',
    notes: '',
    createdById: 'recruiter-1',
    claim: { owner: 'request-a', expiresAt: new Date(Date.now() + 60_000) },
    ...overrides,
  };
}

const someone = () => `interviewer-${randomUUID()}`;

export const interviewPanelsContract: StoreContract = (makeStore) => {
  const store = useStore(makeStore);

  describe('InterviewRepository with panels', () => {
    test('a new interview keeps its panel in order, the first as interviewerId; without a panel it is a panel of one', async () => {
      const [lead, second, third] = [someone(), someone(), someone()];
      const panel = await store().interviews.create(panelInterview([lead, second, third], 1));
      const { interviewerIds: _none, ...single } = panelInterview([lead], 2);
      const one = await store().interviews.create(single);

      expect(panel).toMatchObject({ interviewerId: lead, interviewerIds: [lead, second, third] });
      expect((await store().interviews.findById(panel.id))?.interviewerIds).toEqual([lead, second, third]);
      expect(one.interviewerIds).toEqual([lead]);
      expect(panel.meeting).toMatchObject({ hostInterviewerId: null, alternativeHostIds: [] });
    });

    test("an interviewer's list holds every interview whose panel they are on, in any position", async () => {
      const [lead, member] = [someone(), someone()];
      const asLead = await store().interviews.create(panelInterview([lead], 1));
      const asSecond = await store().interviews.create(panelInterview([lead, member], 2));
      const asOnly = await store().interviews.create(panelInterview([member], 3));

      const listed = await store().interviews.list({ interviewerId: member, when: 'upcoming', now: new Date(), includeCancelled: false, limit: 10 });

      expect(listed.map((record) => record.id)).toEqual([asSecond.id, asOnly.id]);
      expect((await store().interviews.list({ interviewerId: lead, when: 'upcoming', now: new Date(), includeCancelled: false, limit: 10 })).map((r) => r.id)).toEqual([asLead.id, asSecond.id]);
    });

    test('an overlap is found through any panel member', async () => {
      const member = someone();
      const overlapping = await store().interviews.create(panelInterview([someone(), member], 1));

      const found = await store().interviews.findOverlapping({ interviewerIds: [someone(), member], candidateEmail: null, from: new Date(BASE + 1.5 * HOUR), to: new Date(BASE + 2.5 * HOUR), limit: 10 });

      expect(found.map((record) => record.id)).toEqual([overlapping.id]);
    });

    test('changePanel replaces the panel (lists follow), bumps the revision and owes Zoom the change', async () => {
      const [lead, leaving, joining] = [someone(), someone(), someone()];
      const created = await store().interviews.create(panelInterview([lead, leaving], 1));

      const changed = await store().interviews.changePanel(created.id, [joining, lead], { moveMeeting: false, now: new Date() });

      expect(changed).toMatchObject({ interviewerId: joining, interviewerIds: [joining, lead], revision: created.revision + 1, meeting: { status: 'pending' } });
      expect(await store().interviews.list({ interviewerId: leaving, when: 'upcoming', now: new Date(), includeCancelled: false, limit: 10 })).toEqual([]);
      expect((await store().interviews.list({ interviewerId: joining, when: 'upcoming', now: new Date(), includeCancelled: false, limit: 10 })).map((r) => r.id)).toEqual([created.id]);
    });

    test('changePanel with moveMeeting turns the meeting into the previous one (with its host) and owes a create; a cancelled interview is left alone', async () => {
      const [host, other] = [someone(), someone()];
      const created = await store().interviews.create(panelInterview([host, other], 1));
      const meetingId = String(Math.floor(Math.random() * 1e11));
      await store().interviews.release(created.id, 'request-a', created.revision, {
        status: 'scheduled',
        pendingAction: null,
        zoomMeetingId: meetingId,
        joinUrl: 'https://zoom.example/j/1',
        hostSource: 'interviewer',
        hostReason: 'connected',
        hostZoomUserId: 'zoom-host',
        hostInterviewerId: host,
        alternativeHostIds: [other],
        syncedRevision: created.revision,
      });

      const moved = await store().interviews.changePanel(created.id, [other], { moveMeeting: true, now: new Date() });

      expect(moved?.meeting).toMatchObject({
        zoomMeetingId: null,
        joinUrl: null,
        pendingAction: 'create',
        status: 'pending',
        previousMeeting: { zoomMeetingId: meetingId, hostSource: 'interviewer', hostInterviewerId: host, hostZoomUserId: 'zoom-host', joinUrl: 'https://zoom.example/j/1' },
      });
      await store().interviews.cancel(created.id, new Date());
      expect(await store().interviews.changePanel(created.id, [host], { moveMeeting: false, now: new Date() })).toBeNull();
    });

    test('a re-host for a disconnected interviewer moves the meetings they host, also as a later panel member, and not those they only sit on', async () => {
      const [lead, hostingSecond] = [someone(), someone()];
      const hosted = await store().interviews.create(panelInterview([lead, hostingSecond], 1));
      const sitting = await store().interviews.create(panelInterview([hostingSecond, lead], 3));
      for (const [record, host] of [[hosted, hostingSecond], [sitting, lead]] as const) {
        await store().interviews.release(record.id, 'request-a', record.revision, {
          status: 'scheduled',
          zoomMeetingId: String(Math.floor(Math.random() * 1e11)),
          hostSource: 'interviewer',
          hostReason: 'connected',
          hostInterviewerId: host,
          syncedRevision: record.revision,
        });
      }

      const queued = await store().interviews.markForRehost([{ interviewerId: hostingSecond, reason: 'interviewer_disconnected' }], new Date());

      expect(queued).toEqual([hosted.id]);
      expect((await store().interviews.findById(hosted.id))?.meeting.previousMeeting).toMatchObject({ hostInterviewerId: hostingSecond });
    });
  });
};
