import type { AuditEntry, AuditSearchResponse } from '@crm/shared/audit';
import type { Interview } from '@crm/shared/interviews';
import { createMemoryStore } from '../src/data/memory/create-memory-store';
import { signInAs, startTestApi } from './support/start-test-api';
import { TEST_WEBHOOK_SECRET, useTestStack } from './support/start-test-stack';
import { interviewRequest, S2S_ENV, scheduleOverHttp, SYSTEM_HOST } from './support/meeting-test-helpers';
import { deauthorizationEvent, meetingEvent, postSignedZoomEvent } from './support/signed-zoom-webhook';

type Agent = Awaited<ReturnType<typeof signInAs>>['agent'];

async function search(agent: Agent, query: Record<string, string | number>): Promise<AuditEntry[]> {
  return ((await agent.get('/api/admin/audit/events').query({ limit: 100, ...query }).expect(200)).body as AuditSearchResponse).events;
}

const sentences = (events: AuditEntry[]) => events.map((event) => event.sentence).reverse();

describe('the audit trail tells what Zoom webhooks, settings changes and background jobs did', () => {
  const stack = useTestStack({ env: S2S_ENV });

  async function scheduled() {
    const admin = await signInAs(stack().api, 'admin');
    const recruiter = await signInAs(stack().api, 'recruiter');
    const interviewer = await signInAs(stack().api, 'interviewer');
    const { interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id, { candidateName: 'Grace Hopper' }));
    return { admin, recruiter, interviewer, interview, meetingId: interview.meeting.zoomMeetingId! };
  }

  test('a meeting edited, then deleted in Zoom: one event each naming the Zoom event; the echo of an unchanged meeting is not audited', async () => {
    const { api, zoom } = stack();
    const { admin, interview, meetingId } = await scheduled();
    // What Zoom sends back for the CRM's own change: the values the interview already has.
    const echo = meetingEvent('meeting.updated', { id: meetingId }, { object: { start_time: interview.startTime, duration: interview.durationMinutes, timezone: interview.timeZone } });
    expect((await postSignedZoomEvent(api.url, echo)).status).toBeLessThan(300);
    await api.deps.zoomEvents.processor.idle();

    await zoom.control.editMeetingInZoom(meetingId, { duration: 60 });
    await api.deps.zoomEvents.processor.idle();
    await zoom.control.deleteMeetingInZoom(meetingId);
    await api.deps.zoomEvents.processor.idle();

    const events = await search(admin.agent, { interviewId: interview.id, type: 'webhooks' });
    expect(sentences(events)).toEqual([
      `The Zoom meeting of Grace Hopper's interview was changed in Zoom by ${SYSTEM_HOST.email} (meeting.updated): duration (minutes) 45 → 60; the interview follows.`,
      `The Zoom meeting of Grace Hopper's interview was deleted in Zoom by ${SYSTEM_HOST.email} (meeting.deleted); reschedule to create a new one, or cancel the interview.`,
    ]);
    expect(events.map((event) => [event.actor.kind, event.details.zoomEvent, event.details.outcome]).reverse()).toEqual([
      ['zoom', 'meeting.updated', 'changed_in_zoom'],
      ['zoom', 'meeting.deleted', 'deleted_in_zoom'],
    ]);
    expect(await api.store.zoomEvents.counts()).toMatchObject({ processed: 3, failed: 0 });
  });

  test("attendance from Zoom's meeting events is part of the interview's history", async () => {
    const { api, zoom } = stack();
    const { admin, interview, meetingId } = await scheduled();

    await zoom.control.hostJoins(meetingId);
    await zoom.control.endMeeting(meetingId);
    await zoom.control.settleWebhooks();
    await api.deps.zoomEvents.processor.idle();

    const story = sentences(await search(admin.agent, { interviewId: interview.id, type: 'webhooks' }));
    expect(story[0]).toBe("Zoom reported that the meeting of Grace Hopper's interview started (meeting.started).");
    expect(story).toContainEqual(expect.stringMatching(/ \(the host\) joined the meeting of Grace Hopper's interview \(meeting\.participant_joined\)\.$/));
    expect(story).toContainEqual(expect.stringMatching(/^Zoom reported that the meeting of Grace Hopper's interview ended \(meeting\.ended\)/));
  });

  test('settings changes show before → after; saving the same values again records nothing', async () => {
    const { api } = stack();
    const admin = await signInAs(api, 'admin');
    const interviewer = await signInAs(api, 'interviewer');

    await admin.agent.put('/api/admin/scheduling-settings').send({ requireInterviewerZoom: true }).expect(200);
    await admin.agent.put('/api/admin/scheduling-settings').send({ requireInterviewerZoom: true }).expect(200);
    await admin.agent.put('/api/admin/recording-settings').send({ transcriptRetentionDays: 30 }).expect(200);
    await interviewer.agent.put('/api/zoom/meeting-defaults').send({ waitingRoom: false, autoRecording: 'cloud', joinBeforeHost: false, muteUponEntry: true }).expect(200);

    const events = await search(admin.agent, { type: 'settings' });
    expect(sentences(events)).toEqual([
      `${admin.user.name} changed the scheduling policy: interviewers must host on their own Zoom off → on.`,
      `${admin.user.name} changed transcript retention: transcripts kept (days) 90 → 30.`,
      `${interviewer.user.name} changed their meeting defaults: waiting room on → off; automatic recording none → cloud.`,
    ]);
    expect(events[2]!.details).toEqual({ setting: 'scheduling_policy', changes: [{ field: 'requireInterviewerZoom', from: false, to: true }] });
    expect(events[0]!.subject.userId).toBe(interviewer.user.id);
  });

  test('the meeting worker giving up on a meeting records it once in the interview history, not once per retry', async () => {
    const { api, zoom } = stack();
    const { admin, recruiter, interview } = await scheduled();
    const passes = async (count: number) => {
      for (let pass = 0; pass < count; pass += 1) {
        api.clock.advance(20 * 60_000);
        await api.deps.meetings.worker.runOnce();
      }
    };
    zoom.control.injectFault({ endpoint: 'meetings.update', status: 502, times: 1_000 });
    const queued = await recruiter.agent.patch(`/api/interviews/${interview.id}`).send({ durationMinutes: 90 });
    expect(queued.status).toBe(202);
    // Retries that fail again are not failures for good: nothing is recorded yet.
    await passes(2);
    expect(await search(admin.agent, { interviewId: interview.id, type: 'meeting.failed' })).toEqual([]);
    zoom.control.clearFaults();
    zoom.control.injectFault({ endpoint: 'meetings.update', status: 400, times: 1 });

    await passes(3);

    const read = ((await recruiter.agent.get(`/api/interviews/${interview.id}`).expect(200)).body as { interview: Interview }).interview;
    expect(read.meeting.status).toBe('failed');
    const failures = await search(admin.agent, { interviewId: interview.id, type: 'meeting.failed' });
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ actor: { kind: 'system' }, details: { job: 'meeting-sync-worker', action: 'update' } });
    // The request's try, two retries, and the refusal.
    expect(failures[0]!.details.attempts).toBe(4);
    expect(failures[0]!.sentence).toMatch(/^The meeting worker gave up on the Zoom meeting for Grace Hopper's interview after 4 attempts: it could not be updated \(.+\)\.$/);
  });

  test('a periodic job failing pass after pass records one event per streak, not one per retry', async () => {
    const { api } = stack();
    const admin = await signInAs(api, 'admin');
    const job = api.deps.zoomEvents.transcriptRetention;
    const outage = jest.spyOn(api.store.recordingSettings, 'get').mockRejectedValue(new Error('the store is unreachable'));

    for (let pass = 0; pass < 5; pass += 1) await job.runOnce();
    outage.mockRestore();
    await job.runOnce();
    jest.spyOn(api.store.recordingSettings, 'get').mockRejectedValue(new Error('the store is unreachable'));
    for (let pass = 0; pass < 3; pass += 1) await job.runOnce();

    const events = await search(admin.agent, { type: 'jobs' });
    expect(sentences(events)).toEqual([
      'The transcript retention job failed 3 times in a row and keeps retrying: the store is unreachable.',
      'The transcript retention job failed 3 times in a row and keeps retrying: the store is unreachable.',
    ]);
    expect(events.every((event) => event.actor.kind === 'system' && event.details.job === 'transcript-retention')).toBe(true);
  });
});

describe('a Zoom event the processor gives up on', () => {
  test('is audited once, when it fails for good, not at each retry', async () => {
    const store = createMemoryStore();
    store.zoomConnections.findUserIdByZoomUserId = () => Promise.reject(new Error('the store is unreachable'));
    const api = await startTestApi({ store, env: { ZOOM_WEBHOOK_SECRET_TOKEN: TEST_WEBHOOK_SECRET } });
    try {
      const admin = await signInAs(api, 'admin');
      expect((await postSignedZoomEvent(api.url, deauthorizationEvent('zoom-user-unreachable'))).status).toBe(204);
      await api.deps.zoomEvents.processor.idle();
      const jobEvents = () => search(admin.agent, { type: 'jobs' });

      for (let retry = 0; retry < 8; retry += 1) {
        api.clock.advance(2 * 60 * 60_000);
        await api.deps.zoomEvents.processor.runOnce();
      }
      expect(await jobEvents()).toEqual([]);
      for (let retry = 0; retry < 3; retry += 1) {
        api.clock.advance(2 * 60 * 60_000);
        await api.deps.zoomEvents.processor.runOnce();
      }

      expect(await store.zoomEvents.counts()).toMatchObject({ failed: 1, pending: 0 });
      const events = await jobEvents();
      expect(events.map((event) => event.sentence)).toEqual(["The Zoom event processor gave up on Zoom's app_deauthorized after 10 attempts: the store is unreachable."]);
      expect(events[0]).toMatchObject({ actor: { kind: 'system' }, details: { job: 'zoom-event-processor', zoomEvent: 'app_deauthorized' } });
    } finally {
      await api.close();
    }
  });
});
