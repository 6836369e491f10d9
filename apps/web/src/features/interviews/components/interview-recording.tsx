import { formatDateTime } from '../../../lib/format-date-time';
import { useInterviewRecording } from '../api/get-interview-recording';

/**
 * The Zoom cloud recording and its transcript, for those allowed to see them (the hosting interviewer,
 * the recruiter who scheduled, admins); everyone else sees nothing, as the API answers them 404.
 */
export function InterviewRecording({ interviewId, candidateName, enabled }: { interviewId: string; candidateName: string; enabled: boolean }) {
  const { data } = useInterviewRecording(interviewId, enabled);
  if (!data) return null;
  const { recording, transcript } = data;
  if (!recording && !transcript) {
    return data.autoRecording ? <p className="interview-recording muted">Recorded automatically to the Zoom cloud</p> : null;
  }
  const link = recording?.playUrl ?? recording?.shareUrl;
  return (
    <div className="interview-recording">
      {link && (
        <p>
          <a href={link} target="_blank" rel="noreferrer">
            Recording<span className="sr-only"> of the interview with {candidateName}</span>
          </a>
          {recording?.durationMinutes != null && <span className="muted"> · {recording.durationMinutes} min</span>}
        </p>
      )}
      {transcript?.text != null && (
        <details className="interview-transcript">
          <summary>
            Transcript<span className="sr-only"> of the interview with {candidateName}</span>
          </summary>
          {/* Scrolls when long, so it takes focus for keyboard scrolling; its name says whose it is. */}
          <div className="transcript-scroll" role="region" aria-label={`Transcript of the interview with ${candidateName}`} tabIndex={0}>
            <pre>{transcript.text}</pre>
          </div>
        </details>
      )}
      {transcript?.deletedAt && <p className="muted">Transcript deleted {formatDateTime(transcript.deletedAt)} (retention period over)</p>}
    </div>
  );
}
