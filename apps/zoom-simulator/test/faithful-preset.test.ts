import request from 'supertest';
import { parseSimulatorEnv } from '../src/config/env';
import { createZoomSimulator, LENIENT_POLICY, ZOOM_FAITHFUL_OPTIONS } from '../src/index';

const MINUTE = 60_000;

describe('Zoom-faithful defaults and the lenient preset', () => {
  test('ZOOM_FAITHFUL_OPTIONS carries Zoom’s documented values', () => {
    expect(ZOOM_FAITHFUL_OPTIONS).toEqual({
      rateLimitPlan: 'pro',
      dailyLimitResponse: 'retry-after-timestamp',
      scopeStyle: 'granular',
      // Only forum reports describe it, so even the faithful preset leaves it to the test.
      singleAccessTokenPerUser: false,
      revokeDeauthorization: { delayMs: 0 },
      startLinks: { ttlSeconds: 7200, reissueOnRead: true, enforceExpiry: true },
      webhookDelivery: { timeoutMs: 3000, retryDelaysMs: [5 * MINUTE, 20 * MINUTE, 60 * MINUTE], timeScale: 1 },
      concurrentMeetingsPerHost: 1,
    });
  });

  test('without options the simulator behaves as Zoom documents (ZOOM_FAITHFUL_OPTIONS); LENIENT_POLICY keeps the original gentler values', async () => {
    const { app, control } = createZoomSimulator();

    const policy = await request(app).get('/__sim/policy');

    expect(control.policy()).toEqual(ZOOM_FAITHFUL_OPTIONS);
    expect(policy.body).toEqual(ZOOM_FAITHFUL_OPTIONS);
    expect(LENIENT_POLICY).toEqual({
      rateLimitPlan: undefined,
      dailyLimitResponse: 'retry-after-seconds',
      scopeStyle: 'classic',
      singleAccessTokenPerUser: false,
      revokeDeauthorization: undefined,
      startLinks: { ttlSeconds: 7200, reissueOnRead: false, enforceExpiry: false },
      webhookDelivery: { timeoutMs: 10_000, retryDelaysMs: [], timeScale: 1 },
      concurrentMeetingsPerHost: undefined,
    });
    expect(createZoomSimulator({ ...LENIENT_POLICY }).control.policy()).toEqual(LENIENT_POLICY);
  });

  test('reset restores the configured policy after run-time changes; null over HTTP switches a feature off', async () => {
    const { app, control } = createZoomSimulator();

    const off = await request(app).post('/__sim/policy').send({ rateLimitPlan: null, revokeDeauthorization: null });
    const unknown = await request(app).post('/__sim/policy').send({ rateLimits: 'pro' });
    await request(app).post('/__sim/reset').expect(204);

    expect(off.body.rateLimitPlan).toBeUndefined();
    expect(off.body.revokeDeauthorization).toBeUndefined();
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatch(/Unknown policy key "rateLimits"/);
    expect(control.policy()).toEqual(ZOOM_FAITHFUL_OPTIONS);
  });

  test('the CLI starts as Zoom does, or with LENIENT_POLICY when ZOOM_SIM_LENIENT=true, and refuses other values', () => {
    expect(parseSimulatorEnv({ ZOOM_SIM_LENIENT: 'true' }).lenient).toBe(true);
    expect(parseSimulatorEnv({}).lenient).toBe(false);
    expect(() => parseSimulatorEnv({ ZOOM_SIM_LENIENT: 'yes' })).toThrow(/ZOOM_SIM_LENIENT must be "true" or "false", got "yes"/);
  });
});
