import { useEffect, type ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import type { SessionResponse } from '@crm/shared/auth';
import { useSession } from '../features/auth/components/session-provider';
import { interviewQueryKeys } from '../features/interviews/api/interview-query-keys';
import { createQueryClient } from '../lib/query-client';

// One per page load, created before React renders, so the dashboard's reads can start alongside the session check.
const appQueryClient = createQueryClient();
// Lists read a moment ago are used as they are (changes invalidate them, pending meetings poll): the lists
// that mount just after the early reads below do not ask again. The same for the schedule form's reads.
appQueryClient.setQueryDefaults(interviewQueryKeys.lists(), { staleTime: 5_000 });
appQueryClient.setQueryDefaults(interviewQueryKeys.interviewers(), { staleTime: 5_000 });
appQueryClient.setQueryDefaults(interviewQueryKeys.schedulingSettings(), { staleTime: 5_000 });

/**
 * Opening the dashboard in a browser that signed in before: its interview lists are requested while the
 * session is still being checked (their code loads on demand, in parallel), not after it, shortening the
 * request chain (the Zoom status too, for the interviewer's banner). A session that turns out expired
 * answers them 401 like any read, and the cache is dropped.
 */
export function prefetchDashboardData(session: Promise<SessionResponse> | null, isDashboard: boolean): void {
  if (!session || !isDashboard) return;
  void import('../features/interviews/api/get-interviews').then(({ interviewsQueryOptions }) =>
    Promise.all([appQueryClient.prefetchInfiniteQuery(interviewsQueryOptions('upcoming')), appQueryClient.prefetchInfiniteQuery(interviewsQueryOptions('past'))]),
  );
  // An interviewer's "connect Zoom" banner then shows with the page's first content instead of pushing it down later.
  void import('../features/zoom-connection/api/get-zoom-status').then(({ zoomStatusQueryOptions }) => appQueryClient.prefetchQuery(zoomStatusQueryOptions()));
  // Whoever may schedule (the dashboard's rule) gets the schedule form: its interviewer list (the "will host"
  // hint is the page's largest text) and rules are asked for as soon as the session names the role, not
  // after the form's code has loaded and rendered.
  void Promise.all([session, import('../features/interviews/api/get-interviewers'), import('../features/interviews/api/scheduling-settings')]).then(
    ([{ user }, { interviewersQueryOptions }, { schedulingSettingsQueryOptions }]) => {
      if (user.role !== 'recruiter' && user.role !== 'admin') return;
      void appQueryClient.prefetchQuery(interviewersQueryOptions());
      void appQueryClient.prefetchQuery(schedulingSettingsQueryOptions());
    },
    () => undefined, // an expired session goes to sign-in; nothing to read
  );
}

/** Server state for the signed-in screens; forgotten on sign-out or expiry, so the next person never sees it. */
export function AppQueryProvider({ children }: { children: ReactNode }) {
  const { state } = useSession();
  const signedOut = state.status === 'anonymous' || state.status === 'error';

  useEffect(() => {
    if (signedOut) appQueryClient.clear();
  }, [signedOut]);

  return <QueryClientProvider client={appQueryClient}>{children}</QueryClientProvider>;
}
