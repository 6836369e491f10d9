import { QueryClient } from '@tanstack/react-query';

/**
 * One cache of server state for the app (and one per component test).
 * Failed reads are not retried: every screen shows the error with a Try again button, and the API
 * already retries Zoom itself; a 401 goes to sign-in at once (see api-client's unauthenticated handler).
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false },
      mutations: { retry: false },
    },
  });
}
