import { interviewEndpoints } from '@crm/shared/interviews';
import { fillPath } from '../../../lib/api-client';

/** Opened as a page: the API fetches a start link from Zoom right then and redirects to it. */
export function startMeetingUrl(interviewId: string): string {
  return fillPath(interviewEndpoints.start.path, { id: interviewId });
}
