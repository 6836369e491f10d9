import type { InterviewRecord, ListedInterview } from '../ports/interview-repository';

/** The panel member hosting a meeting on their own account: the stored one, else (older records) the first of the panel. */
export function hostInterviewerOf(interview: Pick<ListedInterview, 'interviewerId' | 'meeting'>): string {
  return interview.meeting.hostInterviewerId ?? interview.interviewerId;
}

/** The panel of a record; records from before panels stored only `interviewerId`. */
export function panelOf(interview: Pick<InterviewRecord, 'interviewerId'> & { interviewerIds?: readonly string[] | undefined }): readonly string[] {
  return interview.interviewerIds && interview.interviewerIds.length > 0 ? interview.interviewerIds : [interview.interviewerId];
}

/** Whether this user is on the interview's panel (any position). */
export function isOnPanel(interview: Pick<InterviewRecord, 'interviewerId'> & { interviewerIds?: readonly string[] | undefined }, userId: string): boolean {
  return panelOf(interview).includes(userId);
}
