import rfdc from 'rfdc';

// A structuredClone's Dates are made in Node's own realm, which under Jest is not the sandbox's `Date`:
// rfdc picks its copier by constructor, so it is told about both.
const NODE_REALM_DATE = structuredClone(new Date(0)).constructor as DateConstructor;

/**
 * The copy of a stored interview a repository hands out (reads, writes, conflict checks), so callers can
 * never change what it keeps, as with MongoDB; a list page hands out its rows typed read-only instead
 * (ListedInterview). rfdc, not structuredClone: 25 copy in 0.04 ms instead of 0.13 ms (measured here).
 * Documents are still *stored* with structuredClone, whose objects are laid out compactly: 50,000
 * interviews take 96 MB of heap that way, 169 MB as rfdc copies.
 */
export const cloneDocument: <T>(document: T) => T = rfdc({ constructorHandlers: [[NODE_REALM_DATE, (date: Date) => new Date(date)]] });
