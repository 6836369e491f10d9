import { useEffect, useState, type ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { useSession } from '../features/auth/components/session-provider';
import { createQueryClient } from '../lib/query-client';

/** Server state for the signed-in screens; forgotten on sign-out or expiry, so the next person never sees it. */
export function AppQueryProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  const { state } = useSession();
  const signedInAs = state.status === 'signed_in' ? state.user.id : null;

  useEffect(() => {
    if (signedInAs === null) queryClient.clear();
  }, [signedInAs, queryClient]);

  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
