import type { CreateInterviewRequest } from '@crm/shared/interviews';
import type { FieldValues, Resolver } from 'react-hook-form';
import type { ApiError } from '../../../lib/api-client';

/** The fields a recruiter fills; `allowConflict` is set by confirming a conflict, `interviewerId` is the one-interviewer form of the panel. */
export type InterviewField = Exclude<keyof CreateInterviewRequest, 'allowConflict' | 'interviewerId'>;
export type FieldErrors = Partial<Record<InterviewField, string>>;

/** The schema decides what is wrong; these say it in words a recruiter would use. */
export const INTERVIEW_FIELD_MESSAGES: Record<InterviewField, string> = {
  candidateName: "Enter the candidate's name (up to 120 characters).",
  candidateEmail: "Enter the candidate's email address, like name@example.com.",
  position: 'Enter the position they are interviewing for (up to 120 characters).',
  interviewerIds: 'Choose an interviewer.',
  startTime: 'Choose the date and time of the interview.',
  timeZone: 'Choose a time zone from the list.',
  durationMinutes: 'Enter a duration between 5 and 480 minutes, in whole minutes.',
  agenda: 'Keep the agenda under 1,800 characters.',
  notes: 'Keep the notes under 5,000 characters.',
};

function isField(value: unknown): value is InterviewField {
  return typeof value === 'string' && value in INTERVIEW_FIELD_MESSAGES;
}

/** The API answers `validation_failed` with `details: [{ path, message }]`, and `interviewer_invalid` on its own; interviewer problems land on the panel picker. */
export function fieldErrorsFromServer(error: ApiError): FieldErrors {
  if (error.code === 'interviewer_invalid' || error.code === 'interviewer_zoom_required') return { interviewerIds: error.message };
  if (error.code !== 'validation_failed' || !Array.isArray(error.details)) return {};
  const errors: FieldErrors = {};
  for (const detail of error.details as { path?: unknown; message?: unknown }[]) {
    const named = typeof detail.path === 'string' ? detail.path.split('.')[0] : undefined;
    const field = named === 'interviewerId' ? 'interviewerIds' : named;
    if (isField(field)) {
      errors[field] =
        typeof detail.message === 'string' ? `${INTERVIEW_FIELD_MESSAGES[field]} (${detail.message})` : INTERVIEW_FIELD_MESSAGES[field];
    }
  }
  return errors;
}

/** Rules whose own words beat the field's general message: the 5-minute step and the one-year horizon. */
const RULE_MESSAGES: Partial<Record<string, Partial<Record<string, string>>>> = {
  durationMinutes: { not_multiple_of: 'Enter the duration in steps of 5 minutes (5, 10, 15 … 480).' },
  startTime: { custom: 'Choose a time at most a year ahead.' },
};

/** Puts the rule's own message on a field flagged for that rule (zodResolver keeps the zod issue code as the type). */
export function withRuleMessages<TFieldValues extends FieldValues, TContext, TTransformedValues>(
  resolver: Resolver<TFieldValues, TContext, TTransformedValues>,
): Resolver<TFieldValues, TContext, TTransformedValues> {
  return async (values, context, options) => {
    const result = await resolver(values, context, options);
    for (const [field, error] of Object.entries(result.errors as Record<string, { type?: unknown; message?: unknown } | undefined>)) {
      const message = typeof error?.type === 'string' ? RULE_MESSAGES[field]?.[error.type] : undefined;
      if (error && message) error.message = message;
    }
    return result;
  };
}
