/** Every cache key of the admin feature; an admin action invalidates the whole branch. */
export const adminQueryKeys = {
  all: ['admin'] as const,
  users: () => [...adminQueryKeys.all, 'users'] as const,
  zoomConnections: () => [...adminQueryKeys.all, 'zoom-connections'] as const,
  meetingAnalytics: () => [...adminQueryKeys.all, 'meeting-analytics'] as const,
  recordingSettings: () => [...adminQueryKeys.all, 'recording-settings'] as const,
  auditLogs: () => [...adminQueryKeys.all, 'audit-log'] as const,
  auditLog: (page: number, pageSize: number) => [...adminQueryKeys.auditLogs(), { page, pageSize }] as const,
};
