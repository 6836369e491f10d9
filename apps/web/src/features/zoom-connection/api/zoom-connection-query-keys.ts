/** Every cache key of the zoom-connection feature (the signed-in user's own Zoom). */
export const zoomConnectionQueryKeys = {
  all: ['zoom-connection'] as const,
  status: () => [...zoomConnectionQueryKeys.all, 'status'] as const,
  hostedInterviews: () => [...zoomConnectionQueryKeys.all, 'hosted-interviews'] as const,
  meetingDefaults: () => [...zoomConnectionQueryKeys.all, 'meeting-defaults'] as const,
};
