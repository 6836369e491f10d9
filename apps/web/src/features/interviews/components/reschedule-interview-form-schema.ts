import { z } from 'zod';
import { updateInterviewRequestSchema, type UpdateInterviewRequest } from '@crm/shared/interviews';
import { zonedWallTimeToInstant } from '../../../lib/zoned-time';

/** The start as a wall time in the interview's own zone, the duration as typed. */
const rescheduleInputsSchema = z.object({ startTime: z.string(), durationMinutes: z.string() });
export type RescheduleFormValues = z.input<typeof rescheduleInputsSchema>;

/** Turns the inputs into a PATCH body for an interview held in `timeZone`, checked by the shared schema. */
export function rescheduleFormSchema(timeZone: string) {
  return rescheduleInputsSchema
    .transform((inputs): UpdateInterviewRequest => ({
      startTime: inputs.startTime ? (zonedWallTimeToInstant(inputs.startTime, timeZone) ?? inputs.startTime) : '',
      durationMinutes: inputs.durationMinutes.trim() === '' ? Number.NaN : Number(inputs.durationMinutes),
    }))
    .pipe(updateInterviewRequestSchema);
}
