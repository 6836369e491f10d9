import request from 'supertest';
import { createZoomSimulator } from '../src/index';
import { connectUser, IVY, validMeetingBody } from './support/oauth-flow';

async function connected() {
  const simulator = createZoomSimulator();
  const { access_token } = await connectUser(simulator.app, IVY.id);
  return { ...simulator, auth: { Authorization: `Bearer ${access_token}` } };
}

describe('meeting request validation against Zoom’s OpenAPI schema', () => {
  test('when type is "banana", create answers 400 code 300 naming the field and records a spec violation', async () => {
    const { app, control, auth } = await connected();

    const response = await request(app).post('/v2/users/me/meetings').set(auth).send({ ...validMeetingBody(), type: 'banana' });

    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 300, message: 'Validation Failed.' });
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'type' })]));
    expect(control.specViolations()).toEqual([
      { at: expect.any(Number), endpoint: 'meetings.create', path: '/v2/users/me/meetings', errors: expect.arrayContaining([expect.objectContaining({ field: 'type' })]) },
    ]);
    expect(control.meetings()).toHaveLength(0);
  });

  test('when the topic is longer than 200 characters, create is rejected and a violation recorded', async () => {
    const { app, control, auth } = await connected();

    const response = await request(app).post('/v2/users/me/meetings').set(auth).send({ ...validMeetingBody(), topic: 'x'.repeat(201) });

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ field: 'topic', message: expect.any(String) }]);
    expect(control.specViolations()).toHaveLength(1);
  });

  test.each([
    ['has milliseconds', '2030-02-01T15:00:00.000Z'],
    ['has an offset', '2030-02-01T15:00:00+02:00'],
    ['is a date only', '2030-02-01'],
    ['is not a real date', '2030-02-30T15:00:00Z'],
  ])('when start_time %s, create is rejected with a start_time error', async (_situation, startTime) => {
    const { app, auth } = await connected();

    const response = await request(app).post('/v2/users/me/meetings').set(auth).send({ ...validMeetingBody(), start_time: startTime });

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'start_time' })]));
  });

  test('when an update sends an unknown auto_recording value or a bad passcode, it is rejected and recorded', async () => {
    const { app, control, auth } = await connected();
    const meeting = (await request(app).post('/v2/users/me/meetings').set(auth).send(validMeetingBody())).body;

    const response = await request(app)
      .patch(`/v2/meetings/${meeting.id}`)
      .set(auth)
      .send({ password: 'bad pass!', settings: { auto_recording: 'tape' } });

    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['password', 'settings.auto_recording']);
    expect(control.specViolations()).toEqual([expect.objectContaining({ endpoint: 'meetings.update', path: `/v2/meetings/${meeting.id}` })]);
  });

  test('when the body is not valid JSON, Zoom answers 400 code 300 and a violation is recorded', async () => {
    const { app, control, auth } = await connected();

    const response = await request(app).post('/v2/users/me/meetings').set(auth).set('Content-Type', 'application/json').send('{"topic": ');

    expect(response.status).toBe(400);
    expect(response.body).toEqual({ code: 300, message: 'Request Body should be a valid JSON object.' });
    expect(control.specViolations()).toHaveLength(1);
  });

  test('a valid create and a valid update record no spec violations', async () => {
    const { app, control, auth } = await connected();

    const created = await request(app).post('/v2/users/me/meetings').set(auth).send(validMeetingBody());
    const updated = await request(app).patch(`/v2/meetings/${created.body.id}`).set(auth).send({ start_time: '2030-03-01T10:00:00', timezone: 'Europe/London', password: 'ab@-_*12' });

    expect(created.status).toBe(201);
    expect(updated.status).toBe(204);
    expect(control.specViolations()).toEqual([]);
  });
});
