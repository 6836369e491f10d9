import { auditFilterOf, presentAuditEntry, userNames, withCandidateNames, type AuditReadDeps, type AuditSearch } from './search-audit-events';

/** The export's ceiling: an admin wanting more narrows the dates. */
export const AUDIT_EXPORT_MAX_ROWS = 10_000;

/** A cell spreadsheet programs will not run as a formula (OWASP CSV injection) and that survives commas, quotes and newlines. */
function cell(value: string | null): string {
  const raw = value ?? '';
  const safe = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Every matching event, newest first, as CSV (UTF-8, header row), with the same sentence the page shows. */
export async function exportAuditEvents(deps: AuditReadDeps, search: Omit<AuditSearch, 'cursor' | 'limit'>): Promise<string> {
  const names = await userNames(deps.users);
  const filter = auditFilterOf({ ...search, limit: 100 });
  const lines = [['time (UTC)', 'event', 'actor', 'affected user', 'interview', 'what happened', 'request id', 'ip'].join(',')];
  let after: string | null = null;
  let rows = 0;
  do {
    const page = await deps.audit.query(filter, { after, limit: 500 });
    for (const event of await withCandidateNames(deps, page.events)) {
      if (rows >= AUDIT_EXPORT_MAX_ROWS) break;
      const entry = presentAuditEntry(event, names);
      const actor = entry.actor.kind === 'user' ? (entry.actor.email ?? '') : entry.actor.kind;
      lines.push([entry.at, entry.type, actor, entry.subject.email, entry.interviewId, entry.sentence, entry.requestId, entry.ip].map(cell).join(','));
      rows += 1;
    }
    after = rows < AUDIT_EXPORT_MAX_ROWS ? page.next : null;
  } while (after);
  return `${lines.join('\r\n')}\r\n`;
}
