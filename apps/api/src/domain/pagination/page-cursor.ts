import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../errors/app-error';

/** Where a page ended in a list's sort order: e.g. [startTime ms, id]. */
export type CursorKey = readonly (string | number)[];

/** Which list a cursor belongs to: the list, its filters and the viewer, as a digest. */
export interface CursorScope {
  list: string;
  viewerId: string;
  filters: Record<string, unknown>;
}

/**
 * Opaque, signed list cursors. A cursor is only good for the list, filters and viewer it was issued
 * for: anything else (edited, truncated, another filter, another user's) is a 400 `invalid_cursor`,
 * so a cursor can never widen what the viewer's filters let them see.
 */
export interface PageCursors {
  encode(key: CursorKey, scope: CursorScope): string;
  /** The key, or throws AppError invalid_cursor. */
  decode(cursor: string, scope: CursorScope): CursorKey;
}

function scopeDigest(scope: CursorScope): string {
  // Keys sorted and undefined left out, so the same filters always give the same digest.
  const filters = Object.fromEntries(
    Object.entries(scope.filters)
      .filter(([, value]) => value !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  return createHash('sha256').update(JSON.stringify([scope.list, scope.viewerId, filters])).digest('base64url').slice(0, 22);
}

function invalidCursor(reason: string): AppError {
  return new AppError({ code: 'invalid_cursor', status: 400, message: `The cursor is not valid for this list: ${reason}. Start again from the first page.` });
}

function isKey(value: unknown): value is CursorKey {
  return Array.isArray(value) && value.length > 0 && value.length <= 4 && value.every((part) => (typeof part === 'string' && part.length <= 256) || (typeof part === 'number' && Number.isFinite(part)));
}

/** Cursors signed with HMAC-SHA256 under `secret` (a key derived from a server secret, never sent). */
export function hmacPageCursors(secret: string): PageCursors {
  const key = createHmac('sha256', secret).update('crm page cursor v1').digest();
  const sign = (body: string) => createHmac('sha256', key).update(body).digest();
  return {
    encode(cursorKey, scope) {
      const body = Buffer.from(JSON.stringify({ k: cursorKey, s: scopeDigest(scope) })).toString('base64url');
      return `${body}.${sign(body).toString('base64url')}`;
    },
    decode(cursor, scope) {
      const [body, signature, extra] = cursor.split('.');
      if (!body || !signature || extra !== undefined) throw invalidCursor('malformed');
      const expected = sign(body);
      const given = Buffer.from(signature, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalidCursor('altered or not issued here');
      let payload: unknown;
      try {
        payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
      } catch {
        throw invalidCursor('malformed');
      }
      const { k, s } = (payload ?? {}) as { k?: unknown; s?: unknown };
      if (!isKey(k) || typeof s !== 'string') throw invalidCursor('malformed');
      if (s !== scopeDigest(scope)) throw invalidCursor('issued for other filters or another user');
      return k;
    },
  };
}
