import { signInAs } from './support/start-test-api';
import { startTestStack, type TestStack } from './support/start-test-stack';
import { interviewRequest, S2S_ENV, scheduleOverHttp } from './support/meeting-test-helpers';

const DAY = 24 * 60 * 60 * 1000;

describe('scheduling: bad input is a 400 envelope naming the field, never a 500', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ env: S2S_ENV });
  });
  afterAll(async () => {
    await stack.close();
  });

  test.each([
    ['an unknown interviewer id', { interviewerId: 'no-such-user' }, 'interviewer_invalid', 'interviewerId'],
    ['an empty interviewer id', { interviewerId: '' }, 'validation_failed', 'interviewerId'],
    ['a start in 2099', { startTime: '2099-05-01T09:00:00Z' }, 'validation_failed', 'startTime'],
    ['a start in 9999', { startTime: '9999-12-31T23:59:00Z' }, 'validation_failed', 'startTime'],
    ['a 7-minute duration', { durationMinutes: 7 }, 'validation_failed', 'durationMinutes'],
    ['allowConflict as text', { allowConflict: 'yes' }, 'validation_failed', 'allowConflict'],
    ['an unknown flag', { allowConflicts: true }, 'validation_failed', null],
  ])('POST with %s → 400 naming the field', async (_what, change, code, path) => {
    const recruiter = await signInAs(stack.api, 'recruiter');
    const interviewer = await signInAs(stack.api, 'interviewer');

    const response = await recruiter.agent.post('/api/interviews').send({ ...interviewRequest(interviewer.user.id), ...change });

    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe(code);
    if (path) expect(JSON.stringify(response.body.error.details)).toContain(`"path":"${path}"`);
  });

  test('a user who is not an interviewer is refused as the interviewer, naming the field', async () => {
    const recruiter = await signInAs(stack.api, 'recruiter');

    const response = await recruiter.agent.post('/api/interviews').send(interviewRequest(recruiter.user.id));

    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'interviewer_invalid', details: [{ path: 'interviewerId' }] });
  });

  test.each([
    ['a new start beyond a year', { startTime: new Date(Date.now() + 400 * DAY).toISOString() }, 'startTime'],
    ['a 13-minute duration', { durationMinutes: 13 }, 'durationMinutes'],
    ['only allowConflict', { allowConflict: true }, null],
  ])('PATCH with %s → 400 naming the field', async (_what, change, path) => {
    const recruiter = await signInAs(stack.api, 'recruiter');
    const interviewer = await signInAs(stack.api, 'interviewer');
    const { interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id));

    const response = await recruiter.agent.patch(`/api/interviews/${interview.id}`).send(change);

    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('validation_failed');
    if (path) expect(JSON.stringify(response.body.error.details)).toContain(`"path":"${path}"`);
  });
});
