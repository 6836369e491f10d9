/** Every cache key of the reminders feature (the signed-in interviewer's reconnect reminders). */
export const reminderQueryKeys = {
  all: ['reminders'] as const,
  zoomReconnect: () => [...reminderQueryKeys.all, 'zoom-reconnect'] as const,
};
