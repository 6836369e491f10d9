import { z } from 'zod';
import { updateInterviewRequestSchema, type UpdateInterviewRequest } from '@crm/shared/interviews';
import { zonedWallTimeToInstant } from '../../../lib/zoned-time';

/** The start as a wall time in the chosen zone (the interview's own until changed), the duration as typed, the panel in order. */
const rescheduleInputsSchema = z.object({ startTime: z.string(), timeZone: z.string(), durationMinutes: z.string(), interviewerIds: z.array(z.string()) });
export type RescheduleFormValues = z.input<typeof rescheduleInputsSchema>;

/** Turns the inputs into a PATCH body, checked by the shared schema; the panel goes only when it changed from `currentPanel`. */
export function rescheduleFormSchema(currentPanel: readonly string[] = []) {
  return rescheduleInputsSchema
    .transform((inputs): UpdateInterviewRequest => ({
      startTime: inputs.startTime ? (zonedWallTimeToInstant(inputs.startTime, inputs.timeZone) ?? inputs.startTime) : '',
      timeZone: inputs.timeZone,
      durationMinutes: inputs.durationMinutes.trim() === '' ? Number.NaN : Number(inputs.durationMinutes),
      ...(inputs.interviewerIds.join(',') === currentPanel.join(',') ? {} : { interviewerIds: inputs.interviewerIds }),
    }))
    .pipe(updateInterviewRequestSchema);
}
