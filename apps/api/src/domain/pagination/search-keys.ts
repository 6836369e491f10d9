/**
 * What a type-ahead prefix is matched against, for a person: the whole name, each word of it, and the
 * email, lower-cased. Stored with MongoDB documents (an indexed array, so an anchored prefix is an index
 * range) and kept in memory by the memory store.
 */
export function searchKeysOf(name: string, email: string): string[] {
  const lowerName = name.trim().toLowerCase();
  return [...new Set([lowerName, ...lowerName.split(/\s+/), email.trim().toLowerCase()].filter((key) => key.length > 0))];
}

export function matchesPrefix(keys: readonly string[], prefix: string): boolean {
  return keys.some((key) => key.startsWith(prefix));
}

/** A user-typed prefix as a literal, anchored regular expression (MongoDB reads it as an index range). */
export function anchoredPrefixPattern(prefix: string): RegExp {
  return new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
}
