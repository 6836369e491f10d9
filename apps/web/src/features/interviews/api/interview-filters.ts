import type { InterviewListQuery } from '@crm/shared/interviews';

/** The dashboard's list filters, as the API takes them (and as the URL keeps them, see use-interview-filters.ts). */
export type InterviewFilters = Pick<InterviewListQuery, 'q' | 'interviewerId' | 'recruiterId' | 'meetingStatus' | 'hostSource' | 'from' | 'to' | 'mine' | 'includeCancelled'>;

/** The filters with empty values left out, so equal views share one cache entry. */
export function activeFilters(filters: InterviewFilters): InterviewFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined && value !== '' && value !== 'false'));
}
