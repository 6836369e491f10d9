import { z } from 'zod';
import { createInterviewRequestSchema, type CreateInterviewRequest } from '@crm/shared/interviews';
import { zonedWallTimeToInstant } from '../../../lib/zoned-time';

/** What the inputs hold: text as typed, the start as a wall time in the chosen zone, the panel in order (empty until one is picked). */
const scheduleInterviewInputsSchema = z.object({
  candidateName: z.string(),
  candidateEmail: z.string(),
  position: z.string(),
  interviewerIds: z.array(z.string()),
  startTime: z.string(),
  timeZone: z.string(),
  durationMinutes: z.string(),
  agenda: z.string(),
  notes: z.string(),
});
export type ScheduleInterviewFormValues = z.input<typeof scheduleInterviewInputsSchema>;

/**
 * The inputs turned into the API's request, then checked by the shared schema, so every field rule
 * exists once. A wall time the zone cannot place is passed on as typed and fails the instant rule.
 */
export const scheduleInterviewFormSchema = scheduleInterviewInputsSchema
  .transform(
    ({ interviewerIds, ...inputs }): CreateInterviewRequest => ({
    ...inputs,
    // One interviewer goes as the `interviewerId` shorthand every API version reads; a panel as the list.
    ...(interviewerIds.length === 1 ? { interviewerId: interviewerIds[0] } : { interviewerIds }),
    startTime: inputs.startTime ? (zonedWallTimeToInstant(inputs.startTime, inputs.timeZone) ?? inputs.startTime) : '',
    durationMinutes: inputs.durationMinutes.trim() === '' ? Number.NaN : Number(inputs.durationMinutes),
    }),
  )
  .pipe(createInterviewRequestSchema);
