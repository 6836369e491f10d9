import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { auditEndpoints, type AuditSearchQuery, type AuditSearchResponse } from '@crm/shared/audit';
import { apiRequest } from '../../../lib/api-client';
import { adminQueryKeys } from './admin-query-keys';

/** Filters without the empty ones, so the query key and the URL only carry what narrows. */
export function auditQueryParams(query: AuditSearchQuery): Record<string, string | number> {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined && value !== '')) as Record<string, string | number>;
}

export function searchAuditEvents(query: AuditSearchQuery, signal?: AbortSignal): Promise<AuditSearchResponse> {
  return apiRequest<AuditSearchResponse>(auditEndpoints.search.path, { query: auditQueryParams(query), signal });
}

export function useAuditEvents(query: AuditSearchQuery) {
  return useQuery(
    queryOptions({
      // Under auditLogs(): every admin action's invalidation of the admin branch reloads it.
      queryKey: [...adminQueryKeys.auditLogs(), 'search', auditQueryParams(query)] as const,
      queryFn: ({ signal }) => searchAuditEvents(query, signal),
      placeholderData: keepPreviousData,
    }),
  );
}

/** The CSV export of the same filters (a download link: the session cookie goes along). */
export function auditExportUrl(query: AuditSearchQuery): string {
  const { cursor: _cursor, limit: _limit, ...filters } = query;
  const params = new URLSearchParams(Object.entries(auditQueryParams(filters)).map(([key, value]) => [key, String(value)]));
  const search = params.toString();
  return `${auditEndpoints.exportCsv.path}${search ? `?${search}` : ''}`;
}
