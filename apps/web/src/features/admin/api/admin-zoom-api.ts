import { interviewEndpoints, type MeetingAnalyticsResponse } from '@crm/shared/interviews';
import {
  zoomEndpoints,
  type AdminZoomConnectionsResponse,
  type AuditListResponse,
  type ZoomStatusResponse,
} from '@crm/shared/zoom-connection';
import { apiRequest, fillPath } from '../../../lib/api-client';

export function fetchZoomConnections(signal?: AbortSignal): Promise<AdminZoomConnectionsResponse> {
  return apiRequest<AdminZoomConnectionsResponse>(zoomEndpoints.adminConnections.path, { signal });
}

/** Meetings per interviewer on their own vs the organisation's account, over the API's window (30 days). */
export function fetchMeetingAnalytics(signal?: AbortSignal): Promise<MeetingAnalyticsResponse> {
  return apiRequest<MeetingAnalyticsResponse>(interviewEndpoints.meetingAnalytics.path, { signal });
}

export function forceDisconnectZoom(userId: string): Promise<ZoomStatusResponse> {
  return apiRequest<ZoomStatusResponse>(fillPath(zoomEndpoints.adminDisconnect.path, { id: userId }), {
    method: zoomEndpoints.adminDisconnect.method,
  });
}

export function fetchAuditLog(page: number, pageSize: number, signal?: AbortSignal): Promise<AuditListResponse> {
  return apiRequest<AuditListResponse>(zoomEndpoints.adminAudit.path, { query: { page, pageSize }, signal });
}
