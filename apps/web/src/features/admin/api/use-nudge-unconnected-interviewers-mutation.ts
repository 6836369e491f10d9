import { useMutation, useQueryClient } from '@tanstack/react-query';
import { reminderEndpoints, zoomNudgeRefusalDetailsSchema, type ZoomNudgeRefusalDetails, type ZoomNudgeResponse } from '@crm/shared/reminders';
import { ApiError, apiRequest } from '../../../lib/api-client';
import { adminQueryKeys } from './admin-query-keys';

export function nudgeUnconnectedInterviewers(): Promise<ZoomNudgeResponse> {
  return apiRequest<ZoomNudgeResponse>(reminderEndpoints.nudgeUnconnectedInterviewers.path, { method: reminderEndpoints.nudgeUnconnectedInterviewers.method });
}

/** When the API refused a nudge as too soon: when the next one may be sent. */
export function nudgeRefusal(error: unknown): ZoomNudgeRefusalDetails | null {
  if (!(error instanceof ApiError) || error.code !== 'rate_limited') return null;
  const details = zoomNudgeRefusalDetailsSchema.safeParse(error.details);
  return details.success ? details.data : null;
}

export function useNudgeUnconnectedInterviewersMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: nudgeUnconnectedInterviewers,
    // The audit log records the nudge.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminQueryKeys.auditLogs() }),
  });
}
