import { AppError } from '../../errors/app-error';
import type { InterviewRecord, InterviewRepository } from '../ports/interview-repository';

export async function findInterviewOrThrow(deps: { interviews: Pick<InterviewRepository, 'findById'> }, id: string): Promise<InterviewRecord> {
  const interview = await deps.interviews.findById(id);
  if (!interview) throw new AppError({ code: 'interview_not_found', status: 404, message: 'No such interview' });
  return interview;
}
