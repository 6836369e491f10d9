import express, { type ErrorRequestHandler, type Express } from 'express';
import { createSimulatorControl, type ZoomSimulatorControl } from './control/zoom-simulator-control';
import { applyFaults } from './faults/apply-faults';
import { controlRouter } from './routes/control';
import { meetingLinksRouter } from './routes/meeting-links';
import { meetingRoomRouter } from './routes/meeting-room';
import { oauthAuthorizeRouter } from './routes/oauth-authorize';
import { oauthRevokeRouter } from './routes/oauth-revoke';
import { oauthTokenRouter } from './routes/oauth-token';
import { recordRequests } from './routes/record-requests';
import { recordingFilesRouter } from './routes/recording-files';
import type { RequestContext } from './routes/request-context';
import { restApiRouter } from './routes/rest-api';
import { resolveSimulatorOptions, type ZoomSimulatorOptions } from './simulator-options';
import { createSimulatorState } from './state/simulator-state';

export function createZoomSimulator(options: ZoomSimulatorOptions = {}): {
  app: Express;
  control: ZoomSimulatorControl;
  /** Cancels queued webhook attempts; call it when the simulator's life ends. */
  stop: () => void;
} {
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
  app.use(meetingLinksRouter(state));
  app.use(meetingRoomRouter(control));
  app.use(recordingFilesRouter(state));
  app.use((_req, res) => {
    res.status(404).json({ code: 404, message: 'Not Found' });
  });
  const unexpectedError: ErrorRequestHandler = (error, _req, res, _next) => {
    const clientError = bodyParserClientError(error);
    if (clientError) {
      // Too large, wrong charset, unreadable: the client's fault, answered in Zoom's shape rather than as a crash.
      // Control traffic is never classified, so it has no context: it gets the control API's own shape.
      const endpoint = (res.locals.sim as RequestContext | undefined)?.endpoint;
      const body =
        endpoint === undefined
          ? { error: clientError.message }
          : endpoint.startsWith('oauth.')
            ? { reason: clientError.message, error: 'invalid_request' }
            : { code: clientError.status, message: clientError.message };
      return void res.status(clientError.status).json(body);
    }
    console.error('[zoom-sim] unexpected error', error);
    res.status(500).json({ code: 500, message: 'Internal Server Error.' });
  };
  app.use(unexpectedError);

  return { app, control, stop: () => state.webhooks.cancelQueued() };
}

/** body-parser marks the errors a client caused with a 4xx status; anything else is the simulator's own bug. */
function bodyParserClientError(error: unknown): { status: number; message: string } | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { status, type } = error as { status?: unknown; type?: unknown };
  if (typeof status !== 'number' || status < 400 || status > 499 || typeof type !== 'string') return undefined;
  return { status, message: status === 413 ? 'Request entity too large.' : 'Request body could not be read.' };
}
