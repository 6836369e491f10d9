import { AppError } from '../../errors/app-error';

// Driver and mongoose errors that mean "the database did not answer", as opposed to a query MongoDB refused.
const UNREACHABLE = new Set(['MongoServerSelectionError', 'MongooseServerSelectionError', 'MongoNetworkError', 'MongoNetworkTimeoutError', 'MongoNotConnectedError', 'MongoTopologyClosedError']);

export function isUnreachable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, message } = error as { name?: string; message?: string };
  if (name && UNREACHABLE.has(name)) return true;
  // With bufferCommands off, mongoose refuses at once instead of queueing until the connection is up.
  return name === 'MongooseError' && typeof message === 'string' && /before initial connection is complete|not connected|connection .* closed/i.test(message);
}

export function storeUnavailable(cause: unknown): AppError {
  return new AppError({ code: 'store_unavailable', status: 503, message: 'The database is not reachable; try again shortly', cause });
}

/**
 * Wraps a repository so an unreachable database surfaces as a 503 `store_unavailable` (the HTTP error
 * envelope) instead of a 500; other errors pass through unchanged.
 */
export function failingFast<T extends object>(repository: T): T {
  return new Proxy(repository, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } catch (error) {
          throw isUnreachable(error) ? storeUnavailable(error) : error;
        }
      };
    },
  });
}
