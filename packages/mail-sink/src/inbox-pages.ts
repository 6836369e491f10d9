import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { ReceivedMail } from './start-mail-sink';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string) => text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem;max-width:60rem}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #ccc}pre{white-space:pre-wrap;background:#f6f6f6;padding:1rem}a{color:#0645ad}</style>
</head><body>${body}</body></html>`;
}

function listPage(messages: ReceivedMail[]): string {
  const rows = [...messages]
    .reverse()
    .map(
      (mail) =>
        `<tr><td>${escape(mail.receivedAt.toISOString())}</td><td>${escape(mail.to)}</td><td><a href="/messages/${mail.id}">${escape(mail.subject || '(no subject)')}</a></td><td>${mail.attachments.length}</td></tr>`,
    )
    .join('');
  return page(
    'Demo inbox',
    `<h1>Demo inbox</h1><p>Every email the demo sends lands here; nothing leaves this machine. ${messages.length} message(s).</p>
<table><caption>Received messages, newest first</caption><thead><tr><th scope="col">Received</th><th scope="col">To</th><th scope="col">Subject</th><th scope="col">Attachments</th></tr></thead><tbody>${rows}</tbody></table>`,
  );
}

function messagePage(mail: ReceivedMail): string {
  const attachments = mail.attachments
    .map((attachment, index) => `<li><a href="/messages/${mail.id}/attachments/${index}" download="${escape(attachment.filename)}">${escape(attachment.filename)}</a> (${escape(attachment.contentType)})</li>`)
    .join('');
  return page(
    mail.subject,
    `<p><a href="/">← Inbox</a></p><h1>${escape(mail.subject || '(no subject)')}</h1>
<dl><dt>From</dt><dd>${escape(mail.from)}</dd><dt>To</dt><dd>${escape(mail.to)}</dd><dt>Received</dt><dd>${escape(mail.receivedAt.toISOString())}</dd></dl>
<h2>Attachments</h2><ul>${attachments || '<li>none</li>'}</ul>
<h2>Message</h2><pre>${escape(mail.text)}</pre>
<p><a href="/messages/${mail.id}/raw">Download the raw message (.eml)</a></p>`,
  );
}

function send(res: ServerResponse, status: number, contentType: string, body: string, extraHeaders: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': contentType, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...extraHeaders });
  res.end(body);
}

/** The web inbox: list, message, attachment download, raw .eml, and the same as JSON at /api/messages. */
export function inboxRequestHandler(messages: () => ReceivedMail[]): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://inbox').pathname;
    if (req.method !== 'GET') return send(res, 405, 'text/plain; charset=utf-8', 'GET only');
    if (path === '/') return send(res, 200, 'text/html; charset=utf-8', listPage(messages()));
    if (path === '/api/messages') {
      const summary = messages().map((mail) => ({ id: mail.id, receivedAt: mail.receivedAt, to: mail.to, subject: mail.subject, attachments: mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType })) }));
      return send(res, 200, 'application/json', JSON.stringify({ messages: summary }));
    }
    const match = /^\/messages\/([0-9a-f-]{36})(?:\/(raw|attachments\/(\d+)))?$/.exec(path);
    const mail = match ? messages().find((candidate) => candidate.id === match[1]) : undefined;
    if (!match || !mail) return send(res, 404, 'text/plain; charset=utf-8', 'No such message');
    if (match[2] === 'raw') return send(res, 200, 'message/rfc822', mail.raw, { 'Content-Disposition': 'attachment; filename="message.eml"' });
    if (match[3] !== undefined) {
      const attachment = mail.attachments[Number(match[3])];
      if (!attachment) return send(res, 404, 'text/plain; charset=utf-8', 'No such attachment');
      const filename = attachment.filename.replace(/[^A-Za-z0-9._-]/g, '_');
      return send(res, 200, attachment.contentType, attachment.content, { 'Content-Disposition': `attachment; filename="${filename}"` });
    }
    return send(res, 200, 'text/html; charset=utf-8', messagePage(mail));
  };
}
