import express, { type ErrorRequestHandler, type Express } from 'express';
import { createSimulatorControl, type ZoomSimulatorControl } from './control/zoom-simulator-control';
import { applyFaults } from './faults/apply-faults';
import { controlRouter } from './routes/control';
import { meetingLinksRouter } from './routes/meeting-links';
import { oauthAuthorizeRouter } from './routes/oauth-authorize';
import { oauthRevokeRouter } from './routes/oauth-revoke';
import { oauthTokenRouter } from './routes/oauth-token';
import { recordRequests } from './routes/record-requests';
import { restApiRouter } from './routes/rest-api';
import { resolveSimulatorOptions, type ZoomSimulatorOptions } from './simulator-options';
import { createSimulatorState } from './state/simulator-state';

export function createZoomSimulator(options: ZoomSimulatorOptions = {}): { app: Express; control: ZoomSimulatorControl } {
  const state = createSimulatorState(resolveSimulatorOptions(options));
  const control = createSimulatorControl(state);
  const app = express();
  app.disable('x-powered-by');

  // Control traffic is neither recorded nor subject to faults.
  app.use('/__sim', controlRouter(control));
  app.use(recordRequests(state));
  app.use(applyFaults(state));
  app.use(oauthAuthorizeRouter(state));
  app.use(oauthTokenRouter(state));
  app.use(oauthRevokeRouter(state));
  app.use('/v2', restApiRouter(state));
  app.use(meetingLinksRouter());
  app.use((_req, res) => {
    res.status(404).json({ code: 404, message: 'Not Found' });
  });
  const unexpectedError: ErrorRequestHandler = (error, _req, res, _next) => {
    console.error('[zoom-sim] unexpected error', error);
    res.status(500).json({ code: 500, message: 'Internal Server Error.' });
  };
  app.use(unexpectedError);

  return { app, control };
}
