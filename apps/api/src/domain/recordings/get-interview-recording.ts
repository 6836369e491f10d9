import { ORGANISATION_MEETING_DEFAULTS } from '@crm/shared/interviews';
import type { InterviewRecordingResponse } from '@crm/shared/recordings';
import { AppError } from '../../errors/app-error';
import type { Viewer } from '../interviews/present-interview';
import type { InterviewRecord } from '../ports/interview-repository';
import type { RecordingDeps } from './recording-deps';
import { hostInterviewerOf, isOnPanel } from '../interviews/interview-panel';

/** A recording shows what was said: only the panel, the recruiter who scheduled, and admins. */
function maySeeRecording(viewer: Viewer, interview: InterviewRecord): boolean {
  if (viewer.role === 'admin') return true;
  if (viewer.role === 'interviewer') return isOnPanel(interview, viewer.userId);
  return interview.createdById === viewer.userId;
}

/** Anyone else learns nothing, not even that the interview exists (404). */
export async function getInterviewRecording(deps: RecordingDeps, viewer: Viewer, interviewId: string): Promise<InterviewRecordingResponse> {
  const interview = await deps.interviews.findById(interviewId);
  if (!interview || !maySeeRecording(viewer, interview)) {
    throw new AppError({ code: 'interview_not_found', status: 404, message: 'No such interview' });
  }
  // The meeting records with the settings of the account that hosts it (the organisation's on fallback).
  const hostDefaults =
    interview.meeting.hostSource === 'interviewer' ? ((await deps.meetingDefaults.get(hostInterviewerOf(interview))) ?? ORGANISATION_MEETING_DEFAULTS) : ORGANISATION_MEETING_DEFAULTS;
  const stored = await deps.recordings.find(interview.id);
  const hasLinks = stored && (stored.playUrl !== null || stored.shareUrl !== null || stored.recordedAt !== null);
  return {
    autoRecording: hostDefaults.autoRecording === 'cloud',
    recording: hasLinks
      ? { playUrl: stored.playUrl, shareUrl: stored.shareUrl, durationMinutes: stored.durationMinutes, recordedAt: stored.recordedAt?.toISOString() ?? null }
      : null,
    transcript:
      stored?.transcriptStoredAt
        ? { text: stored.transcriptText, storedAt: stored.transcriptStoredAt.toISOString(), deletedAt: stored.transcriptDeletedAt?.toISOString() ?? null }
        : null,
  };
}
