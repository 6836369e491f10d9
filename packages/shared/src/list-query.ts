import { z } from 'zod';

/** An opaque `nextCursor` handed back unchanged; its content is the API's business (signed, see page-cursor.ts). */
export const pageCursorSchema = z.string().min(1).max(1024);

/** What a search box sends: trimmed, at most 100 characters; matched as a case-insensitive prefix. */
export const searchPrefixSchema = z.string().trim().min(1).max(100);

/** `true` / `false` in a query string. */
export const booleanQuerySchema = z.enum(['true', 'false']).transform((value) => value === 'true');
