import { anchoredPrefixPattern, searchKeysOf } from '../../domain/pagination/search-keys';

/**
 * What MongoDB stores in an interview's `searchKeys`: every search key (the candidate's name, each word of
 * it, the email; see search-keys.ts) and each of their prefixes up to PREFIX_MAX characters. A typed prefix
 * of that length or less is then an EQUALITY on the multikey field, so the `{ searchKeys: 1, startTime: 1,
 * _id: 1 }` index hands the matches over already in list order and a page reads about a page of entries
 * (a range on the keys would have to gather and sort every match first). Longer prefixes use the full keys.
 */
export const PREFIX_MAX = 24;

/** Bumped when what `searchKeys` holds changes: the backfill rewrites documents without the current version. */
export const SEARCH_KEYS_VERSION = 2;

export function candidateSearchTerms(name: string, email: string): string[] {
  const keys = searchKeysOf(name, email);
  const terms = new Set(keys);
  for (const key of keys) for (let length = 1; length <= Math.min(key.length, PREFIX_MAX); length += 1) terms.add(key.slice(0, length));
  return [...terms];
}

/** The query on `searchKeys` for a typed (lower-cased) prefix. */
export function candidatePrefixQuery(prefix: string): string | RegExp {
  return prefix.length <= PREFIX_MAX ? prefix : anchoredPrefixPattern(prefix);
}

/** `candidateSearchTerms` as an aggregation expression of the stored name and email (pipeline updates). */
export function candidateSearchTermsExpression(): Record<string, unknown> {
  const name = { $toLower: { $trim: { input: '$candidateName' } } };
  const email = { $toLower: { $trim: { input: '$candidateEmail' } } };
  const keys = {
    $filter: {
      input: { $setUnion: [[name], { $split: [name, ' '] }, [email]] },
      cond: { $gt: [{ $strLenCP: '$$this' }, 0] },
    },
  };
  const prefixesOf = {
    $map: {
      input: { $range: [1, { $add: [{ $min: [{ $strLenCP: '$$key' }, PREFIX_MAX] }, 1] }] },
      as: 'length',
      in: { $substrCP: ['$$key', 0, '$$length'] },
    },
  };
  return {
    $let: {
      vars: { keys },
      in: {
        $setUnion: [
          '$$keys',
          { $reduce: { input: '$$keys', initialValue: [], in: { $concatArrays: ['$$value', { $let: { vars: { key: '$$this' }, in: prefixesOf } }] } } },
        ],
      },
    },
  };
}
