import request from 'supertest';
import { createZoomSimulator } from '../src/index';
import { basicAuth, connectUser, IVY, USER_APP, validMeetingBody } from './support/oauth-flow';

const TWO_MB = 'x'.repeat(2 * 1024 * 1024);

describe('oversized request bodies', () => {
  test('a 2 MB meeting body gets 413 in Zoom’s REST error shape, not a 500', async () => {
    const { app } = createZoomSimulator();
    const { access_token } = await connectUser(app, IVY.id);

    const response = await request(app)
      .post('/v2/users/me/meetings')
      .set('Authorization', `Bearer ${access_token}`)
      .send({ ...validMeetingBody(), agenda: TWO_MB });

    expect(response.status).toBe(413);
    expect(response.body).toEqual({ code: 413, message: 'Request entity too large.' });
  });

  test('a 2 MB token request gets 413 in the OAuth error shape', async () => {
    const { app } = createZoomSimulator();

    const response = await request(app)
      .post('/oauth/token')
      .set('Authorization', basicAuth(USER_APP.clientId, USER_APP.clientSecret))
      .type('form')
      .send({ grant_type: 'refresh_token', refresh_token: TWO_MB });

    expect(response.status).toBe(413);
    expect(response.body).toEqual({ reason: 'Request entity too large.', error: 'invalid_request' });
  });

  test('a 2 MB body to the control API gets 413 too', async () => {
    const { app } = createZoomSimulator();

    const response = await request(app).post('/__sim/faults').send({ endpoint: 'meetings.create', status: 500, body: TWO_MB });

    expect(response.status).toBe(413);
  });
});
