import request from 'supertest';
import { createZoomSimulator } from '../src/index';
import { validateCreateMeetingResponse } from '../src/spec/validate-meeting-request';
import { connectUser, IAN, IVY, serverToServerToken, testClock, validMeetingBody, type SimulatorTarget } from './support/oauth-flow';

const createMeeting = (app: SimulatorTarget, token: string, userId = 'me', body: object = validMeetingBody()) =>
  request(app).post(`/v2/users/${userId}/meetings`).set('Authorization', `Bearer ${token}`).send(body);

describe('meetings', () => {
  test('creating a meeting answers 201 with Zoom’s response shape, which satisfies Zoom’s published 201 schema', async () => {
    const { app } = createZoomSimulator();
    const { access_token } = await connectUser(app, IVY.id);

    const response = await createMeeting(app, access_token);

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      uuid: expect.stringMatching(/==$/),
      host_id: IVY.id,
      host_email: IVY.email,
      topic: validMeetingBody().topic,
      type: 2,
      status: 'waiting',
      start_time: '2030-02-01T15:00:00Z',
      duration: 45,
      timezone: 'America/New_York',
      agenda: 'Technical interview',
      created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
      password: expect.any(String),
      settings: expect.objectContaining({ waiting_room: true, mute_upon_entry: true, join_before_host: false, auto_recording: 'none', host_video: false }),
    });
    expect(Number.isSafeInteger(response.body.id)).toBe(true);
    expect(String(response.body.id)).toMatch(/^85\d{9}$/);
    expect(response.body.join_url).toMatch(new RegExp(`/j/${response.body.id}\\?pwd=`));
    expect(response.body.start_url).toMatch(new RegExp(`/s/${response.body.id}\\?zak=`));
    expect(validateCreateMeetingResponse(response.body)).toEqual({ valid: true });
  });

  test('a local start_time with a timezone is stored in UTC', async () => {
    const { app } = createZoomSimulator();
    const { access_token } = await connectUser(app, IVY.id);

    const response = await createMeeting(app, access_token, 'me', { ...validMeetingBody(), start_time: '2030-07-01T09:30:00', timezone: 'Europe/Berlin' });

    expect(response.status).toBe(201);
    expect(response.body.start_time).toBe('2030-07-01T07:30:00Z');
    expect(response.body.timezone).toBe('Europe/Berlin');
  });

  test('a user token may act as itself by me, id or email, and gets 400 code 200 for another user', async () => {
    const { app } = createZoomSimulator();
    const { access_token } = await connectUser(app, IVY.id);

    const byId = await createMeeting(app, access_token, IVY.id);
    const byEmail = await createMeeting(app, access_token, IVY.email);
    const forIan = await createMeeting(app, access_token, IAN.email);
    const readIan = await request(app).get(`/v2/users/${IAN.id}`).set('Authorization', `Bearer ${access_token}`);

    expect(byId.status).toBe(201);
    expect(byEmail.status).toBe(201);
    expect(forIan.status).toBe(400);
    expect(forIan.body).toEqual({ code: 200, message: 'No permission.' });
    expect(readIan.status).toBe(400);
  });

  test('a user token cannot read, update or delete a meeting someone else hosts (400 code 3003)', async () => {
    const { app } = createZoomSimulator();
    const ivy = await connectUser(app, IVY.id);
    const ian = await connectUser(app, IAN.id);
    const meeting = (await createMeeting(app, ivy.access_token)).body;

    const responses = await Promise.all([
      request(app).get(`/v2/meetings/${meeting.id}`).set('Authorization', `Bearer ${ian.access_token}`),
      request(app).patch(`/v2/meetings/${meeting.id}`).set('Authorization', `Bearer ${ian.access_token}`).send({ topic: 'hijack' }),
      request(app).delete(`/v2/meetings/${meeting.id}`).set('Authorization', `Bearer ${ian.access_token}`),
    ]);

    for (const response of responses) {
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ code: 3003, message: 'You are not the meeting host.' });
    }
  });

  test('the host can get, update (204), list and delete (204) a meeting; afterwards it answers 404 code 3001', async () => {
    const { app, control } = createZoomSimulator();
    const { access_token } = await connectUser(app, IVY.id);
    const auth = { Authorization: `Bearer ${access_token}` };
    const meeting = (await createMeeting(app, access_token)).body;

    const updated = await request(app).patch(`/v2/meetings/${meeting.id}`).set(auth).send({ topic: 'Rescheduled', start_time: '2030-02-02T10:00:00Z', settings: { waiting_room: false } });
    const fetched = await request(app).get(`/v2/meetings/${meeting.id}`).set(auth);
    const listed = await request(app).get('/v2/users/me/meetings').set(auth);
    const deleted = await request(app).delete(`/v2/meetings/${meeting.id}`).set(auth);
    const afterDelete = await request(app).get(`/v2/meetings/${meeting.id}`).set(auth);
    const deleteAgain = await request(app).delete(`/v2/meetings/${meeting.id}`).set(auth);

    expect(updated.status).toBe(204);
    expect(updated.text).toBe('');
    expect(fetched.body).toMatchObject({ id: meeting.id, topic: 'Rescheduled', start_time: '2030-02-02T10:00:00Z', settings: expect.objectContaining({ waiting_room: false, mute_upon_entry: true }) });
    expect(listed.body).toMatchObject({ page_size: 30, total_records: 1, meetings: [expect.objectContaining({ id: meeting.id, topic: 'Rescheduled' })] });
    expect(deleted.status).toBe(204);
    expect(afterDelete.status).toBe(404);
    expect(afterDelete.body).toEqual({ code: 3001, message: `Meeting does not exist: ${meeting.id}.` });
    expect(deleteAgain.status).toBe(404);
    expect(control.meetings({ hostId: IVY.id })).toEqual([expect.objectContaining({ id: meeting.id, deleted: true })]);
  });

  test('when a host passes the daily create/update cap, Zoom answers 429 with Retry-After until 00:00 UTC', async () => {
    const clock = testClock(Date.UTC(2030, 0, 15, 23, 0, 0));
    // The seconds shape of the answer (one of the shapes Zoom uses; daily-limit-shapes.test.ts has the others).
    const { app } = createZoomSimulator({ now: clock.now, dailyMeetingLimitPerHost: 3, dailyLimitResponse: 'retry-after-seconds' });
    const token = await serverToServerToken(app);

    const created = await createMeeting(app, token, IVY.email);
    await request(app).patch(`/v2/meetings/${created.body.id}`).set('Authorization', `Bearer ${token}`).send({ duration: 30 });
    await createMeeting(app, token, IVY.email);
    const capped = await createMeeting(app, token, IVY.email);
    const otherHost = await createMeeting(app, token, IAN.email);
    clock.advance(60 * 60 * 1000);
    const nextDay = await createMeeting(app, await serverToServerToken(app), IVY.email);

    expect(capped.status).toBe(429);
    expect(capped.headers['retry-after']).toBe('3600');
    expect(capped.body.code).toBe(429);
    expect(capped.body.message).toContain('You have exceeded the daily rate limit of (3) for Create/Update meeting API requests for the host');
    expect(otherHost.status).toBe(201);
    expect(nextDay.status).toBe(201);
  });

  test('an unknown meeting id answers 404 code 3001', async () => {
    const { app } = createZoomSimulator();
    const { access_token } = await connectUser(app, IVY.id);

    const response = await request(app).get('/v2/meetings/85000000001').set('Authorization', `Bearer ${access_token}`);

    expect(response.status).toBe(404);
    expect(response.body).toEqual({ code: 3001, message: 'Meeting does not exist: 85000000001.' });
  });
});
