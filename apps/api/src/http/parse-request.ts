import type { z } from 'zod';
import { AppError } from '../errors/app-error';

/** Validate untrusted input with a shared schema; failures become a 400 naming each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, where: 'body' | 'query' | 'params' = 'body'): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  throw new AppError({
    code: 'validation_failed',
    status: 400,
    message: `The request ${where} is invalid`,
    details: result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  });
}
