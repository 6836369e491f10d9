import { Router } from 'express';
import { escapeHtml, renderPage } from '../pages/html-layout';
import type { SimulatorState } from '../state/simulator-state';
import { stringParam } from './request-context';

/**
 * Stand-ins for zoom.us/rec/…: a recording's download_url opens with the event's download_token (as a
 * Bearer token or `access_token` query parameter, as Zoom accepts it); play and share links show a page.
 */
export function recordingFilesRouter(state: SimulatorState): Router {
  const router = Router();
  router.get('/rec/download/:fileId', (req, res) => {
    const bearer = /^Bearer (.+)$/i.exec(req.get('authorization') ?? '')?.[1];
    const answer = state.recordings.download(req.params.fileId, bearer ?? stringParam(req.query.access_token));
    if (answer === 'not_found') return void res.status(404).json({ code: 3301, message: 'This recording does not exist.' });
    if (answer === 'unauthorized') return void res.status(401).json({ code: 124, message: 'Invalid access token.' });
    res.type(answer.contentType).set('Cache-Control', 'no-store').send(answer.content);
  });
  router.get(['/rec/play/:id', '/rec/share/:id'], (req, res) => {
    res.type('html').send(renderPage('Zoom — Cloud recording', `<h1>Cloud recording</h1>\n<p>Simulated recording <strong>${escapeHtml(String(req.params.id))}</strong>.</p>`));
  });
  return router;
}
