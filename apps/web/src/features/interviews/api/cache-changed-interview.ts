import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { Interview, InterviewListResponse } from '@crm/shared/interviews';
import { interviewQueryKeys } from './interview-query-keys';

/**
 * Shows what the API answered at once, then reloads every list: a change can move an interview
 * between upcoming and past, and the lists' order is the API's to decide.
 */
export async function cacheChangedInterview(queryClient: QueryClient, changed: Interview): Promise<void> {
  queryClient.setQueriesData<InfiniteData<InterviewListResponse>>({ queryKey: interviewQueryKeys.lists() }, (list) =>
    list
      ? { ...list, pages: list.pages.map((page) => ({ ...page, interviews: page.interviews.map((item) => (item.id === changed.id ? changed : item)) })) }
      : list,
  );
  await queryClient.invalidateQueries({ queryKey: interviewQueryKeys.lists() });
}
