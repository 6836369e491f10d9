import { createMemoryStore } from '../src/data/memory/create-memory-store';
import { countingStore, type CountingStore } from './support/counting-store';
import { signInAs } from './support/start-test-api';
import { connectZoom, SIMULATED_INTERVIEWER, startTestStack, type TestStack } from './support/start-test-stack';
import { interviewRequest, S2S_ENV, scheduleOverHttp } from './support/meeting-test-helpers';
import { TestClock } from './support/test-clock';

describe('store round trips of a successful create', () => {
  let stack: TestStack;
  let counting: CountingStore;

  beforeEach(async () => {
    const clock = new TestClock();
    counting = countingStore(createMemoryStore({ serverClock: clock.now }));
    stack = await startTestStack({ env: S2S_ENV, store: counting.store });
  });
  afterEach(async () => {
    await stack.close();
  });

  async function countCreate(interviewerId: string, recruiter: Awaited<ReturnType<typeof signInAs>>) {
    // The recruiter's session is checked once and cached: warm it so only the create itself is counted.
    await recruiter.agent.get('/api/auth/me').expect(200);
    counting.reset();
    const { status, interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewerId));
    const calls = counting.calls();
    return { status, interview, calls, reads: calls.filter((call) => call.kind === 'read').map((call) => call.name), writes: calls.filter((call) => call.kind === 'write').map((call) => call.name) };
  }

  // Issue 17: at most 3 writes and 3 reads. Pinned exactly so any further round trip shows up here. Nothing is
  // cached across requests: the users, the host's Zoom connection (tokens included, they live on the user
  // document), the host's meeting defaults and the scheduling policy are ONE read (`schedulingReads`, one
  // aggregate on MongoDB); the invitation's first version is stored by the release with the meeting (no
  // `invitations.advance`). Only the recruiter's session check is warmed first (cached per SESSION_CHECK_CACHE_MS).
  test('when the interviewer is connected, a create makes 3 writes and 2 reads, none of them repeated', async () => {
    const interviewer = await signInAs(stack.api, 'interviewer');
    expect((await connectZoom(interviewer.agent, { zoomUserId: SIMULATED_INTERVIEWER.id })).result).toBe('connected');
    const recruiter = await signInAs(stack.api, 'recruiter');

    const { status, interview, reads, writes } = await countCreate(interviewer.user.id, recruiter);

    expect(status).toBe(201);
    expect(interview.meeting).toMatchObject({ status: 'scheduled', hostSource: 'interviewer' });
    expect(writes).toEqual(['interviews.create', 'interviews.release', 'audit.append']);
    expect(reads).toEqual(['schedulingReads.findForScheduling', 'interviews.findOverlapping']);
    expect(new Set(reads).size).toBe(reads.length);
  });

  test('when the meeting falls back to the organisation account, the extra writes are the host it was sent to and the fallback in the audit story', async () => {
    const interviewer = await signInAs(stack.api, 'interviewer');
    const recruiter = await signInAs(stack.api, 'recruiter');
    // The first call to the organisation's account fetches (and shares) its token: not part of a create.
    await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id));

    const { status, interview, reads, writes } = await countCreate(interviewer.user.id, recruiter);

    expect(status).toBe(201);
    expect(interview.meeting).toMatchObject({ status: 'scheduled', hostSource: 'system', hostReason: 'not_connected' });
    expect(writes).toEqual(['interviews.create', 'interviews.patchMeeting', 'interviews.release', 'audit.append', 'audit.append']);
    expect(reads).toEqual(['schedulingReads.findForScheduling', 'interviews.findOverlapping']);
  });
});
