import { z } from 'zod';

const NO_CONTROL_CHARACTERS = /^[^\p{Cc}]*$/u;
const NO_CONTROL_EXCEPT_LINE_BREAKS = /^(?:[^\p{Cc}]|[\n\r\t])*$/u;

/**
 * Human-entered text that ends up in Zoom, emails and other people's screens: trimmed, bounded, and
 * free of control characters (NUL, escape sequences) and unpaired surrogates, which no person types.
 */
export function plainText(options: { min?: number; max: number; multiline?: boolean }) {
  const allowed = options.multiline ? NO_CONTROL_EXCEPT_LINE_BREAKS : NO_CONTROL_CHARACTERS;
  return z
    .string()
    .trim()
    .min(options.min ?? 0)
    .max(options.max)
    .regex(allowed, { message: options.multiline ? 'must not contain control characters' : 'must be a single line without control characters' })
    .refine((value) => value.isWellFormed(), { message: 'must be valid Unicode text' });
}
