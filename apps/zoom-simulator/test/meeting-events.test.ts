import request from 'supertest';
import { LENIENT_POLICY } from '../src/index';
import { connectUser, IVY } from './support/oauth-flow';
import { RECEIVER_SECRET, signatureIsValid, useSimulatorWithReceiver } from './support/webhook-receiver';

describe('meeting activity sends Zoom\'s meeting events', () => {
  const { receiver, simulator } = useSimulatorWithReceiver();

  async function meetingOf(app: Parameters<typeof connectUser>[0], settings: Record<string, unknown> = {}): Promise<{ id: number; uuid: string }> {
    const tokens = await connectUser(app, IVY.id);
    const created = await request(app)
      .post('/v2/users/me/meetings')
      .set('Authorization', `Bearer ${tokens.access_token}`)
      .send({ topic: 'Interview: Grace', type: 2, start_time: '2031-05-01T09:00:00Z', duration: 45, settings });
    expect(created.status).toBe(201);
    return created.body as { id: number; uuid: string };
  }

  test('host joins, a guest joins and leaves, the host ends: started, joined ×2, left ×2, ended — signed, in Zoom\'s shapes', async () => {
    const { app, control } = simulator();
    const meeting = await meetingOf(app);

    const host = await control.hostJoins(String(meeting.id));
    const guest = await control.guestJoins(String(meeting.id), { name: 'Grace Hopper', email: 'grace@example.com' });
    await control.participantLeaves(String(meeting.id), guest.participantId!);
    const ended = await control.endMeeting(String(meeting.id));

    expect(receiver.received.map((r) => r.event.event)).toEqual([
      'meeting.started',
      'meeting.participant_joined',
      'meeting.participant_joined',
      'meeting.participant_left',
      'meeting.participant_left',
      'meeting.ended',
    ]);
    expect(receiver.received.every((r) => signatureIsValid(r, RECEIVER_SECRET))).toBe(true);
    expect(host.events.map((e) => e.statuses)).toEqual([[200], [200]]);
    expect(ended.events.map((e) => e.event)).toEqual(['meeting.participant_left', 'meeting.ended']);
    const [started, hostJoined, guestJoined] = receiver.received.map((r) => r.event);
    expect(started!.payload).toMatchObject({ account_id: IVY.accountId, object: { id: meeting.id, host_id: IVY.id, topic: 'Interview: Grace', type: 2, duration: 45 } });
    expect(typeof started!.event_ts).toBe('number');
    expect(hostJoined!.payload).toMatchObject({ object: { participant: { id: IVY.id, email: IVY.email, user_name: `${IVY.firstName} ${IVY.lastName}` } } });
    expect(guestJoined!.payload).toMatchObject({ object: { participant: { id: '', user_name: 'Grace Hopper', email: 'grace@example.com', user_id: guest.participantId } } });
    const endedEvent = receiver.received.at(-1)!.event;
    expect(endedEvent.payload).toMatchObject({ object: { id: meeting.id, end_time: expect.stringMatching(/Z$/) } });
  });

  test('a guest before the host waits (participant_jbh_waiting) and joins when the host comes; with a waiting room they are admitted', async () => {
    // Ivy hosts both meetings and starts the second while the first runs: the one-meeting-per-host rule is
    // host-concurrency.test.ts's subject, not this one's, so it is switched off here.
    const { app, control } = simulator({ concurrentMeetingsPerHost: LENIENT_POLICY.concurrentMeetingsPerHost });
    const plain = await meetingOf(app);
    const withWaitingRoom = await meetingOf(app, { waiting_room: true });

    await control.guestJoins(String(plain.id), { name: 'Early Eve' });
    await control.hostJoins(String(plain.id));
    expect(receiver.received.map((r) => r.event.event)).toEqual([
      'meeting.participant_jbh_waiting',
      'meeting.started',
      'meeting.participant_joined',
      'meeting.participant_jbh_joined',
      'meeting.participant_joined',
    ]);

    receiver.received.length = 0;
    await control.hostJoins(String(withWaitingRoom.id));
    const guest = await control.guestJoins(String(withWaitingRoom.id), { name: 'Patient Pat' });
    expect(control.meetingParticipants(String(withWaitingRoom.id)).find((p) => p.participantId === guest.participantId)).toMatchObject({ where: 'waiting_room' });
    await control.admitGuest(String(withWaitingRoom.id), guest.participantId!);
    expect(receiver.received.map((r) => r.event.event)).toEqual([
      'meeting.started',
      'meeting.participant_joined',
      'meeting.participant_put_in_waiting_room',
      'meeting.participant_admitted',
      'meeting.participant_joined',
    ]);
  });

  test('webhook faults drop, duplicate or delay the next meeting events', async () => {
    const { app, control } = simulator();
    const meeting = await meetingOf(app);
    control.injectWebhookFault({ event: 'meeting.started', action: 'drop', times: 1 });
    control.injectWebhookFault({ event: 'meeting.participant_joined', action: 'duplicate', times: 1 });

    const host = await control.hostJoins(String(meeting.id));
    control.injectWebhookFault({ action: 'delay', delayMs: 60_000, times: 1 });
    const ended = await control.endMeeting(String(meeting.id));

    expect(host.events).toEqual([
      { event: 'meeting.started', fate: 'dropped', statuses: [] },
      { event: 'meeting.participant_joined', fate: 'duplicated', statuses: [200, 200] },
    ]);
    expect(ended.events.map((e) => e.fate)).toEqual(['delayed', 'sent']);
    const names = receiver.received.map((r) => r.event.event);
    expect(names).toEqual(['meeting.participant_joined', 'meeting.participant_joined', 'meeting.ended']);
    expect(receiver.received[0]!.rawBody).toBe(receiver.received[1]!.rawBody);
    expect(control.webhookFaults()).toEqual([]);
  });

  test('over HTTP: /__sim/meetings/:id/host-join, guest-join, participants, leave and end', async () => {
    const { app } = simulator();
    const meeting = await meetingOf(app);

    await request(app).post(`/__sim/meetings/${meeting.id}/host-join`).send({}).expect(200);
    const guest = await request(app).post(`/__sim/meetings/${meeting.id}/guest-join`).send({ name: 'Grace Hopper', email: 'grace@example.com' }).expect(200);
    const participants = await request(app).get(`/__sim/meetings/${meeting.id}/participants`).expect(200);
    await request(app).post(`/__sim/meetings/${meeting.id}/participants/${guest.body.participantId}/leave`).send({}).expect(200);
    const ended = await request(app).post(`/__sim/meetings/${meeting.id}/end`).send({}).expect(200);

    expect(participants.body).toHaveLength(2);
    expect(ended.body.events.map((e: { event: string }) => e.event)).toEqual(['meeting.participant_left', 'meeting.ended']);
    expect((await request(app).post('/__sim/meetings/1/host-join').send({})).status).toBe(400);
    expect((await request(app).post(`/__sim/meetings/${meeting.id}/guest-join`).send({})).status).toBe(400);
    expect((await request(app).post('/__sim/webhook-faults').send({ action: 'explode' })).status).toBe(400);
  });

  test('edits and deletion in Zoom\'s own UI send meeting.updated (changed fields, old_object) and meeting.deleted', async () => {
    const { app, control } = simulator();
    const meeting = await meetingOf(app);

    await control.editMeetingInZoom(String(meeting.id), { start_time: '2031-05-01T10:30:00Z', duration: 60 });
    await control.deleteMeetingInZoom(String(meeting.id));

    const [updated, deleted] = receiver.received.map((r) => r.event);
    expect(updated).toMatchObject({
      event: 'meeting.updated',
      payload: {
        operator: IVY.email,
        operator_id: IVY.id,
        object: { id: meeting.id, start_time: '2031-05-01T10:30:00Z', duration: 60 },
        old_object: { id: meeting.id, start_time: '2031-05-01T09:00:00Z', duration: 45 },
      },
    });
    expect(Object.keys((updated!.payload as { object: object }).object).sort()).toEqual(['duration', 'id', 'start_time']);
    expect(deleted).toMatchObject({ event: 'meeting.deleted', payload: { operator: IVY.email, object: { id: meeting.id, topic: 'Interview: Grace' } } });
    expect(control.meetings().find((m) => m.id === meeting.id)).toMatchObject({ deleted: true, start_time: '2031-05-01T10:30:00Z' });
    expect((await request(app).post(`/__sim/meetings/${meeting.id}/edit-in-zoom`).send({})).status).toBe(400);
  });
});
