import {
  interviewEndpoints,
  type CreateInterviewRequest,
  type InterviewListResponse,
  type InterviewResponse,
  type InterviewerListResponse,
  type UpdateInterviewRequest,
} from '@crm/shared/interviews';
import { apiRequest, fillPath } from '../../../lib/api-client';

export function fetchInterviews(when: 'upcoming' | 'past', signal?: AbortSignal): Promise<InterviewListResponse> {
  return apiRequest<InterviewListResponse>(interviewEndpoints.list.path, { query: { when }, signal });
}

export function fetchInterviewers(signal?: AbortSignal): Promise<InterviewerListResponse> {
  return apiRequest<InterviewerListResponse>(interviewEndpoints.interviewers.path, { signal });
}

export function createInterview(body: CreateInterviewRequest): Promise<InterviewResponse> {
  return apiRequest<InterviewResponse>(interviewEndpoints.create.path, { method: interviewEndpoints.create.method, body });
}

export function rescheduleInterview(id: string, body: UpdateInterviewRequest): Promise<InterviewResponse> {
  return apiRequest<InterviewResponse>(fillPath(interviewEndpoints.update.path, { id }), {
    method: interviewEndpoints.update.method,
    body,
  });
}

export function cancelInterview(id: string): Promise<InterviewResponse> {
  return apiRequest<InterviewResponse>(fillPath(interviewEndpoints.cancel.path, { id }), { method: interviewEndpoints.cancel.method });
}
