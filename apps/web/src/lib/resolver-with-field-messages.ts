import type { FieldErrors, FieldValues, Resolver, ResolverResult } from 'react-hook-form';

/**
 * The shared schema decides what is wrong; its messages are written for API clients. This swaps each
 * flagged field's message for the one a person should read, keeping everything else the resolver said.
 */
export function resolverWithFieldMessages<TFieldValues extends FieldValues, TContext, TTransformedValues>(
  resolver: Resolver<TFieldValues, TContext, TTransformedValues>,
  messages: Partial<Record<keyof TFieldValues & string, string>>,
): Resolver<TFieldValues, TContext, TTransformedValues> {
  return async (values, context, options) => {
    const result = await resolver(values, context, options);
    const errors: Record<string, unknown> = {};
    for (const [field, error] of Object.entries(result.errors)) {
      const message = messages[field as keyof TFieldValues & string];
      errors[field] = message && typeof error === 'object' && error !== null ? { ...error, message } : error;
    }
    return { ...result, errors: errors as FieldErrors<TFieldValues> } as ResolverResult<TFieldValues, TTransformedValues>;
  };
}
