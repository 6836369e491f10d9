import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import { zonedWallTimeToInstant } from '../../../lib/zoned-time';

type WithStart = FieldValues & { startTime: string; timeZone?: string };

const PAST_MESSAGE = 'Choose a time in the future.';

/**
 * Adds "a time in the future" to what the schema found, in the same pass: a past start is flagged with
 * every other error at once, not only after the rest is fixed. "The future" is the browser's clock at
 * validation time (the API checks its own), so it cannot be a rule of the shared schema.
 */
export function withFutureStartCheck<TFieldValues extends WithStart, TContext, TTransformedValues>(
  resolver: Resolver<TFieldValues, TContext, TTransformedValues>,
  fallbackTimeZone: (values: TFieldValues) => string,
): Resolver<TFieldValues, TContext, TTransformedValues> {
  return async (values, context, options) => {
    const result = await resolver(values, context, options);
    if ('startTime' in result.errors && result.errors.startTime) return result;
    const instant = values.startTime ? zonedWallTimeToInstant(values.startTime, values.timeZone ?? fallbackTimeZone(values)) : null;
    if (!instant || new Date(instant).getTime() > Date.now()) return result;
    const errors = { ...result.errors, startTime: { type: 'future', message: PAST_MESSAGE } } as FieldErrors<TFieldValues>;
    return { values: {}, errors };
  };
}
