import request from 'supertest';
import { connectUser, IVY } from './support/oauth-flow';
import { useSimulatorWithReceiver } from './support/webhook-receiver';

describe('one host, overlapping meetings (Zoom: a second can be scheduled; starting it ends the first)', () => {
  const { receiver, simulator } = useSimulatorWithReceiver();

  async function schedule(app: Parameters<typeof connectUser>[0], accessToken: string, startTime: string, duration = 60): Promise<number> {
    const created = await request(app).post('/v2/users/me/meetings').set('Authorization', `Bearer ${accessToken}`).send({ topic: `Interview at ${startTime}`, type: 2, start_time: startTime, duration });
    expect(created.status).toBe(201);
    return (created.body as { id: number }).id;
  }

  test('two overlapping meetings of one host are both created, and the host counts as double-booked (not with an allowance of 2)', async () => {
    const { app, control } = simulator();
    const { access_token: token } = await connectUser(app, IVY.id);
    await schedule(app, token, '2031-05-01T09:00:00Z');
    await schedule(app, token, '2031-05-01T09:30:00Z');
    // Back to back and deleted meetings never count.
    await schedule(app, token, '2031-05-01T10:30:00Z');
    const deleted = await schedule(app, token, '2031-05-01T10:45:00Z');
    expect((await request(app).delete(`/v2/meetings/${deleted}`).set('Authorization', `Bearer ${token}`)).status).toBe(204);

    expect(control.hostConcurrency()).toEqual({
      hosts: [{ hostId: IVY.id, hostEmail: IVY.email, meetings: 3, maxOverlap: 2, allowance: 1, doubleBooked: true }],
      doubleBookedHosts: 1,
    });
    expect((await request(app).get('/__sim/host-concurrency')).body).toMatchObject({ doubleBookedHosts: 1 });
    expect((await request(app).get('/__sim/host-concurrency?allowance=2')).body).toMatchObject({ doubleBookedHosts: 0 });
    expect(control.hostConcurrency({ allowances: { [IVY.email]: 2 } }).doubleBookedHosts).toBe(0);
    expect((await request(app).get('/__sim/host-concurrency?allowance=0')).status).toBe(400);
  });

  test('starting the second meeting while the first runs ends the first: meeting.ended for it comes before meeting.started for the second', async () => {
    const { app, control } = simulator();
    const { access_token: token } = await connectUser(app, IVY.id);
    const first = await schedule(app, token, '2031-05-01T09:00:00Z');
    const second = await schedule(app, token, '2031-05-01T09:30:00Z');
    await control.hostJoins(String(first));
    receiver.received.length = 0;

    const started = await control.hostJoins(String(second));

    expect(started.events.map((e) => e.event)).toEqual(['meeting.participant_left', 'meeting.ended', 'meeting.started', 'meeting.participant_joined']);
    const [left, ended, secondStarted] = receiver.received.map((r) => r.event);
    expect(left!.payload).toMatchObject({ object: { id: first } });
    expect(ended!.payload).toMatchObject({ object: { id: first } });
    expect(secondStarted!.payload).toMatchObject({ object: { id: second } });
    expect(control.meetingParticipants(String(first))).toEqual([]);
  });

  test('with concurrentMeetingsPerHost 2 (a licensed user on a Business, Education or Enterprise account) both run; the host joining its own running meeting again ends nothing', async () => {
    const { app, control } = simulator({ concurrentMeetingsPerHost: 2 });
    const { access_token: token } = await connectUser(app, IVY.id);
    const first = await schedule(app, token, '2031-05-01T09:00:00Z');
    const second = await schedule(app, token, '2031-05-01T09:30:00Z');
    await control.hostJoins(String(first));
    const both = await control.hostJoins(String(second));
    const again = await control.hostJoins(String(first));

    expect(both.events.map((e) => e.event)).toEqual(['meeting.started', 'meeting.participant_joined']);
    expect(again.events.map((e) => e.event)).toEqual(['meeting.participant_joined']);
    expect(receiver.received.map((r) => r.event.event)).not.toContain('meeting.ended');
  });
});
