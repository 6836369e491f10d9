import { escapeHtml, renderPage } from './html-layout';

export function renderErrorPage(message: string): string {
  return renderPage('Zoom — Error', `<h1>Something went wrong</h1>\n<p role="alert">${escapeHtml(message)}</p>`);
}
