import { escapeHtml, renderPage } from './html-layout';

export function renderMeetingLinkPage(kind: 'join' | 'start', meetingId: string, controls = ''): string {
  const heading = kind === 'start' ? 'Starting meeting as host' : 'Joining meeting';
  return renderPage('Zoom — Simulated meeting', `<h1>${heading}</h1>\n<p>Simulated Zoom meeting <strong>${escapeHtml(meetingId)}</strong>.</p>${controls ? `\n${controls}` : ''}`);
}

export function renderExpiredStartLinkPage(meetingId: string, reason: 'expired' | 'invalid'): string {
  const why = reason === 'expired' ? 'This link to start the meeting has expired.' : 'This link to start the meeting is not valid.';
  return renderPage(
    'Zoom — Link expired',
    `<h1>Unable to start meeting</h1>\n<p role="alert" data-reason="${reason}">${why} Sign in to Zoom to start meeting <strong>${escapeHtml(meetingId)}</strong> as its host.</p>`,
  );
}
