import type { InterviewConflictDetails } from '@crm/shared/interviews';
import { createTestUser, signInAs } from './support/start-test-api';
import { startTestStack, type TestStack } from './support/start-test-stack';
import { interviewRequest, S2S_ENV, scheduleOverHttp } from './support/meeting-test-helpers';

const HOUR = 60 * 60 * 1000;
/** A whole-minute instant `hours` from now, as the API expects it. */
const inHours = (hours: number) => new Date(Math.floor((Date.now() + hours * HOUR) / 60_000) * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

describe('scheduling conflicts', () => {
  let stack: TestStack;
  afterEach(async () => {
    await stack.close();
  });

  async function arrange(env: Record<string, string> = {}) {
    stack = await startTestStack({ env: { ...S2S_ENV, ...env } });
    const recruiter = await signInAs(stack.api, 'recruiter');
    const interviewer = await createTestUser(stack.api.store, 'interviewer', { name: 'Ivy Overbooked' });
    const otherInterviewer = await createTestUser(stack.api.store, 'interviewer');
    return { recruiter, interviewer, otherInterviewer };
  }

  test('when the interviewer already has an overlapping interview, POST answers 409 interview_conflict naming it and saves nothing; allowConflict: true schedules it', async () => {
    const { recruiter, interviewer } = await arrange();
    const first = (await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.id, { startTime: inHours(48), durationMinutes: 60 }))).interview;

    const clash = interviewRequest(interviewer.id, { startTime: inHours(48.5), durationMinutes: 30 });
    const refused = await recruiter.agent.post('/api/interviews').send(clash);

    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('interview_conflict');
    const details = refused.body.error.details as InterviewConflictDetails;
    expect(details.bufferMinutes).toBe(0);
    expect(details.conflicts).toEqual([
      expect.objectContaining({ id: first.id, candidateName: first.candidateName, interviewer: { id: interviewer.id, name: 'Ivy Overbooked' }, overlaps: ['interviewer'], durationMinutes: 60 }),
    ]);
    expect((await recruiter.agent.get('/api/interviews').query({ interviewerId: interviewer.id })).body.interviews).toHaveLength(1);
    expect(stack.zoom.control.meetings().filter((m) => !m.deleted)).toHaveLength(1);

    const confirmed = await recruiter.agent.post('/api/interviews').send({ ...clash, allowConflict: true });
    expect(confirmed.status).toBe(201);
    expect((await recruiter.agent.get('/api/interviews').query({ interviewerId: interviewer.id })).body.interviews).toHaveLength(2);
  });

  test('when the same candidate (email in any case) is already booked then with another interviewer, the conflict says candidate', async () => {
    const { recruiter, interviewer, otherInterviewer } = await arrange();
    const first = (await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.id, { candidateEmail: 'sam@candidate.example', startTime: inHours(30) }))).interview;

    const refused = await recruiter.agent.post('/api/interviews').send(interviewRequest(otherInterviewer.id, { candidateEmail: 'SAM@Candidate.example', startTime: inHours(30.25) }));

    expect(refused.status).toBe(409);
    expect(refused.body.error.details.conflicts).toEqual([expect.objectContaining({ id: first.id, overlaps: ['candidate'] })]);
  });

  test('back-to-back interviews do not conflict without a buffer; with SCHEDULING_CONFLICT_BUFFER_MINUTES=10 they do', async () => {
    const { recruiter, interviewer } = await arrange({ SCHEDULING_CONFLICT_BUFFER_MINUTES: '10' });
    await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.id, { startTime: inHours(50), durationMinutes: 60 }));

    const adjacent = await recruiter.agent.post('/api/interviews').send(interviewRequest(interviewer.id, { startTime: inHours(51), durationMinutes: 30 }));
    expect(adjacent.status).toBe(409);
    expect(adjacent.body.error.details.bufferMinutes).toBe(10);

    const later = await recruiter.agent.post('/api/interviews').send(interviewRequest(interviewer.id, { startTime: inHours(51.25), durationMinutes: 30 }));
    expect(later.status).toBe(201);
  });

  test('without a buffer an interview starting exactly when another ends is accepted, and a cancelled interview frees its slot', async () => {
    const { recruiter, interviewer } = await arrange();
    const first = (await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.id, { startTime: inHours(60), durationMinutes: 60 }))).interview;

    expect((await recruiter.agent.post('/api/interviews').send(interviewRequest(interviewer.id, { startTime: inHours(61) }))).status).toBe(201);
    expect((await recruiter.agent.post('/api/interviews').send(interviewRequest(interviewer.id, { startTime: inHours(60) }))).status).toBe(409);
    await recruiter.agent.delete(`/api/interviews/${first.id}`).expect(200);
    expect((await recruiter.agent.post('/api/interviews').send(interviewRequest(interviewer.id, { startTime: inHours(60) }))).status).toBe(201);
  });

  test('moving an interview onto another of the interviewer answers 409 and leaves it where it was; allowConflict moves it; editing notes never asks', async () => {
    const { recruiter, interviewer } = await arrange();
    const fixed = (await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.id, { startTime: inHours(70), durationMinutes: 60 }))).interview;
    const moving = (await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.id, { startTime: inHours(80) }))).interview;

    const refused = await recruiter.agent.patch(`/api/interviews/${moving.id}`).send({ startTime: inHours(70.5) });
    expect(refused.status).toBe(409);
    expect(refused.body.error.details.conflicts.map((c: { id: string }) => c.id)).toEqual([fixed.id]);
    expect((await recruiter.agent.get(`/api/interviews/${moving.id}`)).body.interview.startTime).toBe(moving.startTime);

    // Its own slot never conflicts with itself.
    expect((await recruiter.agent.patch(`/api/interviews/${moving.id}`).send({ durationMinutes: 60 })).status).toBe(200);
    const moved = await recruiter.agent.patch(`/api/interviews/${moving.id}`).send({ startTime: inHours(70.5), allowConflict: true });
    expect(moved.status).toBe(200);
    expect(moved.body.interview.startTime).toBe(inHours(70.5).replace('Z', '.000Z'));
    expect((await recruiter.agent.patch(`/api/interviews/${moving.id}`).send({ notes: 'still overlapping, on purpose' })).status).toBe(200);
  });

  test('PATCH with only allowConflict is refused as changing nothing', async () => {
    const { recruiter, interviewer } = await arrange();
    const interview = (await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.id))).interview;

    const response = await recruiter.agent.patch(`/api/interviews/${interview.id}`).send({ allowConflict: true });

    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('validation_failed');
  });

  test('the picker\'s availability lists the interviewers busy at a proposed time, and only them', async () => {
    const { recruiter, interviewer, otherInterviewer } = await arrange();
    await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.id, { startTime: inHours(90), durationMinutes: 60 }));

    const during = await recruiter.agent.get('/api/interviewers/availability').query({ startTime: inHours(90.5), durationMinutes: 30 }).expect(200);
    const after = await recruiter.agent.get('/api/interviewers/availability').query({ startTime: inHours(91), durationMinutes: 30 }).expect(200);

    expect(during.body.busy).toEqual([{ interviewerId: interviewer.id, interviews: 1 }]);
    expect(during.body.busy.map((b: { interviewerId: string }) => b.interviewerId)).not.toContain(otherInterviewer.id);
    expect(after.body.busy).toEqual([]);
    expect((await recruiter.agent.get('/api/interviewers/availability').query({ startTime: 'soon', durationMinutes: 30 })).status).toBe(400);
  });
});
