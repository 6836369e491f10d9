import type { CreateInterviewRequest } from '@crm/shared/interviews';
import type { ApiError } from '../../../lib/api-client';

/** The fields a recruiter types; `allowConflict` is set by confirming a conflict, never typed. */
export type InterviewField = Exclude<keyof CreateInterviewRequest, 'allowConflict'>;
export type FieldErrors = Partial<Record<InterviewField, string>>;

/** The schema decides what is wrong; these say it in words a recruiter would use. */
export const INTERVIEW_FIELD_MESSAGES: Record<InterviewField, string> = {
  candidateName: "Enter the candidate's name (up to 120 characters).",
  candidateEmail: "Enter the candidate's email address, like name@example.com.",
  position: 'Enter the position they are interviewing for (up to 120 characters).',
  interviewerId: 'Choose an interviewer.',
  startTime: 'Choose the date and time of the interview, at most a year ahead.',
  timeZone: 'Choose a time zone from the list.',
  durationMinutes: 'Enter a duration between 5 and 480 minutes, in steps of 5 minutes.',
  agenda: 'Keep the agenda under 1,800 characters.',
  notes: 'Keep the notes under 5,000 characters.',
};

function isField(value: unknown): value is InterviewField {
  return typeof value === 'string' && value in INTERVIEW_FIELD_MESSAGES;
}

/** The API answers `validation_failed` with `details: [{ path, message }]`, and `interviewer_invalid` on its own. */
export function fieldErrorsFromServer(error: ApiError): FieldErrors {
  if (error.code === 'interviewer_invalid') return { interviewerId: error.message };
  if (error.code !== 'validation_failed' || !Array.isArray(error.details)) return {};
  const errors: FieldErrors = {};
  for (const detail of error.details as { path?: unknown; message?: unknown }[]) {
    const field = typeof detail.path === 'string' ? detail.path.split('.')[0] : undefined;
    if (isField(field)) {
      errors[field] =
        typeof detail.message === 'string' ? `${INTERVIEW_FIELD_MESSAGES[field]} (${detail.message})` : INTERVIEW_FIELD_MESSAGES[field];
    }
  }
  return errors;
}
