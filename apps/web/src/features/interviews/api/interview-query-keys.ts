import type { InterviewFilters } from './interview-filters';

/** Every cache key of the interviews feature, so invalidation can name a whole branch at once. */
export const interviewQueryKeys = {
  all: ['interviews'] as const,
  lists: () => [...interviewQueryKeys.all, 'list'] as const,
  list: (when: 'upcoming' | 'past', filters: InterviewFilters = {}) => [...interviewQueryKeys.lists(), when, filters] as const,
  interviewers: (q?: string) => [...interviewQueryKeys.all, 'interviewers', ...(q === undefined ? [] : [q])] as const,
  recording: (id: string) => [...interviewQueryKeys.all, 'recording', id] as const,
  detail: (id: string) => [...interviewQueryKeys.all, 'detail', id] as const,
  history: (id: string) => [...interviewQueryKeys.all, 'history', id] as const,
  schedulingSettings: () => [...interviewQueryKeys.all, 'scheduling-settings'] as const,
};
