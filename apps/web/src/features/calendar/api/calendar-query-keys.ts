/** Every cache key of the calendar feature (the signed-in interviewer's calendar feed). */
export const calendarQueryKeys = {
  all: ['calendar'] as const,
  feedStatus: () => [...calendarQueryKeys.all, 'feed-status'] as const,
};
