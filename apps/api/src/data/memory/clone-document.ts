import rfdc from 'rfdc';

/**
 * A deep copy of a stored document (plain objects, arrays, Dates), so what a repository hands out can
 * never change what it keeps, as with MongoDB. rfdc, not structuredClone: every list page copies its
 * rows, and a page of 25 interviews copies in 0.075 ms instead of 0.11–0.20 ms (measured here).
 * It knows a Date by `instanceof`, so stored documents must not carry a structuredClone's Dates (Node's
 * realm, not the Jest sandbox's): the domain copies with rfdc too.
 */
export const cloneDocument: <T>(document: T) => T = rfdc();
