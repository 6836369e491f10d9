import request from 'supertest';
import { createZoomSimulator } from '../src/index';
import { connectUser, IAN, IVY, validMeetingBody } from './support/oauth-flow';

const OUTSIDER = 'freelancer@outside.example'; // a Zoom user on another account
const STRANGER = 'nobody@nowhere.example'; // no Zoom user at all

describe("alternative hosts (Zoom accepts only licensed users on the host's account)", () => {
  test('a create naming users of the same account as alternative hosts is stored with them', async () => {
    const { app } = createZoomSimulator();
    const { access_token } = await connectUser(app, IVY.id);

    const response = await request(app)
      .post('/v2/users/me/meetings')
      .set('Authorization', `Bearer ${access_token}`)
      .send({ ...validMeetingBody(), settings: { alternative_hosts: IAN.email } });

    expect(response.status).toBe(201);
    expect(response.body.settings.alternative_hosts).toBe(IAN.email);
  });

  test('a create naming someone off the account answers 400 code 1114 naming them and makes no meeting; an update does the same and changes nothing', async () => {
    const { app, control } = createZoomSimulator();
    const { access_token } = await connectUser(app, IVY.id);

    const refused = await request(app)
      .post('/v2/users/me/meetings')
      .set('Authorization', `Bearer ${access_token}`)
      .send({ ...validMeetingBody(), settings: { alternative_hosts: `${IAN.email};${OUTSIDER},${STRANGER}` } });

    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe(1114);
    expect(refused.body.message).toContain(OUTSIDER);
    expect(refused.body.message).toContain(STRANGER);
    expect(refused.body.message).not.toContain(IAN.email);
    expect(control.meetings()).toHaveLength(0);

    const created = await request(app).post('/v2/users/me/meetings').set('Authorization', `Bearer ${access_token}`).send(validMeetingBody());
    const update = await request(app).patch(`/v2/meetings/${created.body.id}`).set('Authorization', `Bearer ${access_token}`).send({ settings: { alternative_hosts: OUTSIDER } });
    expect(update.status).toBe(400);
    expect(update.body.code).toBe(1114);
    expect(control.meetings()[0]?.settings.alternative_hosts).toBe('');
  });
});
