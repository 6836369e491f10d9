import express from 'express';
import type { AddressInfo } from 'node:net';
import { announceReady, onStopSignal } from '../support/child-process-server';

// The baseline: Express with nothing in front of a handler answering a body shaped like GET /api/zoom/status.
const app = express();
app.get('/bare', (_req, res) => {
  res.json({
    state: 'connected',
    zoomEmail: 'interviewer@example.com',
    connectedAt: '2030-01-01T00:00:00.000Z',
    scopes: ['meeting:write:meeting', 'meeting:read:meeting', 'user:read:user'],
    lastRefreshAt: '2030-01-01T00:00:00.000Z',
    lastProblem: null,
  });
});
const server = app.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  announceReady({ url: `http://127.0.0.1:${port}` });
});
onStopSignal(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
