import { deauthorizationEvent, postSignedZoomEvent } from './support/signed-zoom-webhook';
import { SIMULATED_INTERVIEWER, useTestStack } from './support/start-test-stack';

const MINUTE_MS = 60_000;

describe("a webhook signature's age is judged on the application clock", () => {
  const stack = useTestStack();

  test("10 minutes into the API's (moved) clock, Zoom's delivery signed then is accepted and one signed at the old time is refused as stale", async () => {
    stack().api.clock.advance(10 * MINUTE_MS);
    const nowSeconds = Math.floor(stack().api.clock.now().getTime() / 1000);

    const current = await postSignedZoomEvent(stack().api.url, deauthorizationEvent(SIMULATED_INTERVIEWER.id), { timestampSeconds: nowSeconds });
    const stale = await postSignedZoomEvent(stack().api.url, deauthorizationEvent(SIMULATED_INTERVIEWER.id), { timestampSeconds: nowSeconds - 10 * 60 });

    expect(current.status).toBe(204);
    expect(stale.status).toBe(401);
    expect(stale.body.error.code).toBe('webhook_signature_invalid');
  });

  test("the simulator's own late app_deauthorized (5 minutes and a paced moment after the revoke) is delivered at the first attempt", async () => {
    stack().api.clock.advance(5 * MINUTE_MS + 700);
    const delivery = await stack().zoom.control.sendDeauthorization(SIMULATED_INTERVIEWER.id);

    expect(delivery.status).toBe(204);
  });
});
