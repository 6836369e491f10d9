import request from 'supertest';
import { createZoomSimulator } from '../src/index';
import { connectUser, IAN, IVY, refresh, type SimulatorTarget } from './support/oauth-flow';

const me = (app: SimulatorTarget, token: string) => request(app).get('/v2/users/me').set('Authorization', `Bearer ${token}`);

describe('one valid access token per user and app (forum reports; an option)', () => {
  test('with the policy on, a refresh makes the earlier access token answer 401 code 124', async () => {
    const { app } = createZoomSimulator({ singleAccessTokenPerUser: true });
    const tokens = await connectUser(app, IVY.id);
    const ian = await connectUser(app, IAN.id);

    const refreshed = await refresh(app, tokens.refresh_token);
    const old = await me(app, tokens.access_token);

    expect(old.status).toBe(401);
    expect(old.body).toEqual({ code: 124, message: 'Invalid access token.' });
    expect((await me(app, refreshed.body.access_token)).status).toBe(200);
    // Another user's token is theirs alone.
    expect((await me(app, ian.access_token)).status).toBe(200);
  });

  test('the policy is switched at run time over HTTP', async () => {
    const { app } = createZoomSimulator();
    const tokens = await connectUser(app, IVY.id);

    await request(app).post('/__sim/policy').send({ singleAccessTokenPerUser: true }).expect(200);
    await refresh(app, tokens.refresh_token).expect(200);

    expect((await me(app, tokens.access_token)).status).toBe(401);
  });

  test('by default (lenient), the earlier access token keeps working until it expires', async () => {
    const { app } = createZoomSimulator();
    const tokens = await connectUser(app, IVY.id);

    const refreshed = await refresh(app, tokens.refresh_token);

    expect((await me(app, tokens.access_token)).status).toBe(200);
    expect((await me(app, refreshed.body.access_token)).status).toBe(200);
  });
});
