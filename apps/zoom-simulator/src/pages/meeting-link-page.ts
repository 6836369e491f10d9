import { escapeHtml, renderPage } from './html-layout';

export function renderMeetingLinkPage(kind: 'join' | 'start', meetingId: string): string {
  const heading = kind === 'start' ? 'Starting meeting as host' : 'Joining meeting';
  return renderPage('Zoom — Simulated meeting', `<h1>${heading}</h1>\n<p>Simulated Zoom meeting <strong>${escapeHtml(meetingId)}</strong>.</p>`);
}
