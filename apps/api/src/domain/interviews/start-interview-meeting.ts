import { AppError } from '../../errors/app-error';
import type { InterviewDeps } from './interview-deps';
import { getInterview } from './list-interviews';
import { maySeeStartUrl, type Viewer } from './present-interview';
import { hostInterviewerOf } from './interview-panel';

/**
 * Where the host's browser goes to start the meeting: a start URL Zoom issues now, on the account that
 * hosts it. Only the hosting panel member and admins may; an interviewer off the panel does not learn the
 * interview exists (404), the rest of the panel and recruiters are refused (403).
 */
export async function startInterviewMeeting(deps: InterviewDeps, viewer: Viewer, id: string): Promise<string> {
  const interview = await getInterview(deps, viewer, id);
  if (!maySeeStartUrl(viewer, interview)) {
    throw new AppError({ code: 'forbidden', status: 403, message: "Only the panel's host and admins can start this meeting as host" });
  }
  if (interview.status === 'cancelled') throw new AppError({ code: 'interview_cancelled', status: 409, message: 'This interview was cancelled' });
  const { meeting } = interview;
  if (!meeting.zoomMeetingId || !meeting.hostSource || meeting.deletedInZoom) {
    throw new AppError({ code: 'conflict', status: 409, message: 'The Zoom meeting does not exist yet; it can be started once it is scheduled' });
  }
  return deps.getZoomStartUrl(meeting.zoomMeetingId, { hostSource: meeting.hostSource, interviewerId: hostInterviewerOf(interview) });
}
