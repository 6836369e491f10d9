import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { zoomEndpoints, type AuditListResponse } from '@crm/shared/zoom-connection';
import { apiRequest } from '../../../lib/api-client';
import { adminQueryKeys } from './admin-query-keys';

export function getAuditLog(page: number, pageSize: number, signal?: AbortSignal): Promise<AuditListResponse> {
  return apiRequest<AuditListResponse>(zoomEndpoints.adminAudit.path, { query: { page, pageSize }, signal });
}

export function auditLogQueryOptions(page: number, pageSize: number) {
  return queryOptions({
    queryKey: adminQueryKeys.auditLog(page, pageSize),
    queryFn: ({ signal }) => getAuditLog(page, pageSize, signal),
    // Paging keeps the current page on screen until the next one arrives.
    placeholderData: keepPreviousData,
  });
}

export function useAuditLog(page: number, pageSize: number) {
  return useQuery(auditLogQueryOptions(page, pageSize));
}
