import { queryOptions, useQuery } from '@tanstack/react-query';
import { zoomEndpoints, type HostedInterviewsResponse } from '@crm/shared/zoom-connection';
import { apiRequest } from '../../../lib/api-client';
import { zoomConnectionQueryKeys } from './zoom-connection-query-keys';

export function getHostedInterviews(signal?: AbortSignal): Promise<HostedInterviewsResponse> {
  return apiRequest<HostedInterviewsResponse>(zoomEndpoints.hostedInterviews.path, { signal });
}

/** Upcoming interviews on the user's own Zoom: what the disconnect confirmation says will move. */
export function useHostedInterviews(enabled: boolean) {
  return useQuery(
    queryOptions({ queryKey: zoomConnectionQueryKeys.hostedInterviews(), queryFn: ({ signal }) => getHostedInterviews(signal), enabled }),
  );
}
