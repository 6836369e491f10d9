import request from 'supertest';
import { connectUser, IVY } from './support/oauth-flow';
import { useSimulatorWithReceiver } from './support/webhook-receiver';

describe('cloud recordings, past-meeting participants, API-change echoes and the join page controls', () => {
  const { receiver, simulator } = useSimulatorWithReceiver();

  async function meetingOf(app: Parameters<typeof connectUser>[0], settings: Record<string, unknown> = {}) {
    const tokens = await connectUser(app, IVY.id);
    const created = await request(app)
      .post('/v2/users/me/meetings')
      .set('Authorization', `Bearer ${tokens.access_token}`)
      .send({ topic: 'Interview: Grace', type: 2, start_time: '2031-05-01T09:00:00Z', duration: 45, settings });
    expect(created.status).toBe(201);
    return { id: String((created.body as { id: number }).id), token: tokens.access_token };
  }

  test('a cloud-recorded meeting sends recording.completed and recording.transcript_completed after meeting.ended; the VTT opens only with the download token', async () => {
    const { app, control } = simulator();
    const { id } = await meetingOf(app, { auto_recording: 'cloud' });

    await control.hostJoins(id);
    await control.guestJoins(id, { name: 'Grace Hopper', email: 'grace@example.com' });
    await control.endMeeting(id);

    const events = receiver.received.map((r) => r.event as unknown as { event: string; download_token?: string; payload: { object: { recording_files: Array<{ file_type: string; download_url: string; play_url: string }>; share_url: string } } });
    expect(events.map((e) => e.event).slice(-3)).toEqual(['meeting.ended', 'recording.completed', 'recording.transcript_completed']);
    const transcriptEvent = events.at(-1)!;
    const file = transcriptEvent.payload.object.recording_files[0]!;
    expect(file).toMatchObject({ file_type: 'TRANSCRIPT', download_url: expect.stringContaining('/rec/download/') });
    expect(events.at(-2)!.payload.object.share_url).toContain('/rec/share/');
    const path = new URL(file.download_url).pathname;

    expect((await request(app).get(path)).status).toBe(401);
    expect((await request(app).get(path).set('Authorization', 'Bearer wrong')).status).toBe(401);
    const vtt = await request(app).get(path).set('Authorization', `Bearer ${transcriptEvent.download_token!}`);
    expect(vtt.status).toBe(200);
    expect(vtt.text).toMatch(/^WEBVTT/);
    expect(vtt.text).toContain('Grace Hopper');
    expect(control.issuedSecrets()).toContain(transcriptEvent.download_token);
  });

  test('a meeting without cloud recording sends no recording events', async () => {
    const { app, control } = simulator();
    const { id } = await meetingOf(app);
    await control.hostJoins(id);
    await control.endMeeting(id);
    expect(receiver.received.map((r) => r.event.event)).not.toContain('recording.completed');
  });

  test('GET /v2/past_meetings/{uuid}/participants lists who attended an ended instance, paged with next_page_token', async () => {
    const { app, control } = simulator();
    const { id, token } = await meetingOf(app);
    await control.hostJoins(id);
    await control.guestJoins(id, { name: 'Grace Hopper', email: 'grace@example.com' });
    await control.endMeeting(id);
    const uuid = (receiver.received.at(-1)!.event as unknown as { payload: { object: { uuid: string } } }).payload.object.uuid;
    const encoded = uuid.startsWith('/') || uuid.includes('//') ? encodeURIComponent(encodeURIComponent(uuid)) : encodeURIComponent(uuid);

    const first = await request(app).get(`/v2/past_meetings/${encoded}/participants?page_size=1`).set('Authorization', `Bearer ${token}`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total_records: 2, page_size: 1, participants: [{ name: `${IVY.firstName} ${IVY.lastName}`, id: IVY.id }] });
    const second = await request(app).get(`/v2/past_meetings/${encoded}/participants?page_size=1&next_page_token=${first.body.next_page_token as string}`).set('Authorization', `Bearer ${token}`);
    expect(second.body).toMatchObject({ next_page_token: '', participants: [{ name: 'Grace Hopper', user_email: 'grace@example.com', join_time: expect.stringMatching(/Z$/) }] });
    expect((await request(app).get('/v2/past_meetings/unknown-uuid/participants').set('Authorization', `Bearer ${token}`)).status).toBe(404);
  });

  test('with emitApiChanges, PATCH and DELETE through /v2 send meeting.updated (changed fields, old values) and meeting.deleted', async () => {
    const { app, control } = simulator({ webhook: { url: receiver.url, secretToken: 'receiver-secret', emitApiChanges: true } });
    const { id, token } = await meetingOf(app);

    expect((await request(app).patch(`/v2/meetings/${id}`).set('Authorization', `Bearer ${token}`).send({ duration: 60, topic: 'Moved' })).status).toBe(204);
    expect((await request(app).delete(`/v2/meetings/${id}`).set('Authorization', `Bearer ${token}`)).status).toBe(204);
    await new Promise((resolve) => setImmediate(resolve));
    await control.settleWebhooks();

    const [updated, deleted] = receiver.received.map((r) => r.event as { event: string; payload: Record<string, unknown> });
    expect(updated).toMatchObject({ event: 'meeting.updated', payload: { operator: IVY.email, object: { duration: 60, topic: 'Moved' }, old_object: { duration: 45, topic: 'Interview: Grace' } } });
    expect(deleted).toMatchObject({ event: 'meeting.deleted', payload: { operator: IVY.email } });
  });

  test('the join page offers join as host / as guest, leave and end as form posts that send the events', async () => {
    const { app } = simulator();
    const { id } = await meetingOf(app);

    const page = await request(app).get(`/j/${id}`);
    expect(page.text).toContain('Join as host');
    expect(page.text).toContain('Join as guest');
    const hostJoined = await request(app).post(`/j/${id}/host-join`).type('form').send({});
    expect(hostJoined.status).toBe(303);
    await request(app).post(`/j/${id}/guest-join`).type('form').send({ name: 'Grace Hopper', email: 'grace@example.com' }).expect(303);
    const inRoom = await request(app).get(`/j/${id}`);
    expect(inRoom.text).toContain('Grace Hopper');
    const leaveAction = /action="(\/j\/\d+\/participants\/\d+\/leave)"><button type="submit" value="deny">Grace Hopper leaves/.exec(inRoom.text)?.[1];
    await request(app).post(leaveAction!).type('form').send({}).expect(303);
    await request(app).post(`/j/${id}/end`).type('form').send({}).expect(303);

    expect(receiver.received.map((r) => r.event.event)).toEqual([
      'meeting.started',
      'meeting.participant_joined',
      'meeting.participant_joined',
      'meeting.participant_left',
      'meeting.participant_left',
      'meeting.ended',
    ]);
  });
});
