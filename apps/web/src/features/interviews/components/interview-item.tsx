import { useEffect, useId, useRef, useState } from 'react';
import type { Interview } from '@crm/shared/interviews';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { Notice } from '../../../components/notice';
import { usePageFeedback } from '../../../components/page-feedback';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format-date-time';
import { startMeetingUrl } from '../api/start-meeting-url';
import { useCancelInterviewMutation } from '../api/use-cancel-interview-mutation';
import { useRetryMeetingMutation } from '../api/use-retry-meeting-mutation';
import { HostBadge } from './host-badge';
import { InterviewPageLink } from './interview-page-link';
import { InterviewTime } from './interview-time';
import { MeetingStatus } from './meeting-status';
import { AttendanceBadge } from './attendance-badge';
import { ZoomChangeNotice } from './zoom-change-notice';
import { InterviewRecording } from './interview-recording';
import { cancelledFeedback, rescheduledFeedback } from './interview-change-feedback';
import { RescheduleInterviewForm } from './reschedule-interview-form';
import { mayStartMeeting, panelOf, PanelSummary } from './interview-panel';

export function InterviewItem({
  interview,
  viewerId,
  canManage,
}: {
  interview: Interview;
  viewerId: string;
  canManage: boolean;
}) {
  const titleId = useId();
  const [mode, setMode] = useState<'view' | 'reschedule' | 'confirm-cancel'>('view');
  const cancel = useCancelInterviewMutation(interview.id);
  const retry = useRetryMeetingMutation(interview.id);
  const feedback = usePageFeedback();
  const rescheduleButtonRef = useRef<HTMLButtonElement>(null);
  const refocusReschedule = useRef(false);
  const { meeting } = interview;
  const cancelled = interview.status === 'cancelled';
  // The panel member whose Zoom hosts it (or the first, on the organisation's account); admins start it from the interview page.
  const isHost = mayStartMeeting(interview, { id: viewerId });
  const onPanel = panelOf(interview).some((member) => member.id === viewerId);
  // Read once per mount so render stays pure; an interview ending on screen keeps its actions until the next visit.
  const [renderedAt] = useState(Date.now);
  const upcoming = new Date(interview.startTime).getTime() + interview.durationMinutes * 60_000 > renderedAt;

  // Closing the reschedule form removes what had focus; its opener takes it back.
  useEffect(() => {
    if (mode !== 'view' || !refocusReschedule.current) return;
    refocusReschedule.current = false;
    rescheduleButtonRef.current?.focus();
  }, [mode]);

  function onCancel() {
    // Either way the dialog closes: the page says what happened, or the notice below says why not. From the
    // promise, not a `mutate` callback: the cancelled item can leave the list (unmounting this component)
    // before such a callback runs, and then the page would never say the interview was cancelled.
    cancel
      .mutateAsync()
      .then(
        ({ interview: cancelledNow }) => feedback.show(cancelledFeedback(cancelledNow)),
        () => undefined,
      )
      .finally(() => setMode('view'));
  }

  return (
    <li className={`interview${cancelled ? ' interview-cancelled' : ''}`} aria-labelledby={titleId}>
      <div className="interview-main">
        <h3 id={titleId} className="interview-title">
          <InterviewPageLink id={interview.id}>{interview.candidateName}</InterviewPageLink>
          <span className="interview-position"> · {interview.position}</span>
        </h3>
        <p className="interview-time">
          <InterviewTime startTime={interview.startTime} timeZone={interview.timeZone} /> · {interview.durationMinutes} min
        </p>
        <p className="interview-meta">
          <PanelSummary interview={interview} />
        </p>
        <div className="interview-host">
          <HostBadge meeting={meeting} />
          <MeetingStatus meeting={meeting} />
          <AttendanceBadge attendance={interview.attendance} />
        </div>
        {!cancelled && meeting.joinLinkChanged && (
          <p className="join-link-changed">
            <strong>Join link changed</strong>: the meeting moved to another Zoom account; the candidate must get the new link.
            {meeting.joinLinkChanged.previousJoinUrlMayStillWork &&
              ` The old link may still open (${meeting.joinLinkChanged.reason ?? 'the old meeting could not be deleted'}).`}
          </p>
        )}
        <ZoomChangeNotice notices={interview.zoomNotices} />
        <InterviewRecording interviewId={interview.id} candidateName={interview.candidateName} enabled={!cancelled && (onPanel || canManage)} />
        {!cancelled && (
          <p className="interview-links">
            {meeting.joinUrl ? (
              <a href={meeting.joinUrl} target="_blank" rel="noreferrer">
                Join link<span className="sr-only"> for {interview.candidateName}</span>
              </a>
            ) : (
              <span className="muted">No join link yet</span>
            )}
            {isHost && meeting.zoomMeetingId && meeting.status !== 'cancelled' && (
              <a href={startMeetingUrl(interview.id)} target="_blank" rel="noreferrer" className="start-link">
                Start meeting as host<span className="sr-only"> for {interview.candidateName}</span>
              </a>
            )}
          </p>
        )}
      </div>
      {retry.isError && (
        <Notice tone="error" title="Retry did not work" onDismiss={() => retry.reset()}>
          <p>{errorMessage(retry.error)}</p>
        </Notice>
      )}
      {canManage && (meeting.status === 'failed' || meeting.status === 'pending') && (
        <div className="button-row">
          <button type="button" className="button button-secondary button-small" disabled={retry.isPending} onClick={() => retry.mutate()}>
            Retry now<span className="sr-only"> the Zoom meeting for {interview.candidateName}</span>
          </button>
        </div>
      )}
      {cancel.isError && (
        <Notice tone="error" title="That did not work" onDismiss={() => cancel.reset()}>
          <p>{errorMessage(cancel.error)}</p>
        </Notice>
      )}
      {/* Kept while confirming a cancellation: the dialog returns focus to the button that opened it. */}
      {canManage && !cancelled && upcoming && mode !== 'reschedule' && (
        <div className="button-row">
          <button ref={rescheduleButtonRef} type="button" className="button button-secondary button-small" onClick={() => setMode('reschedule')}>
            Reschedule<span className="sr-only"> {interview.candidateName}</span>
          </button>
          <button type="button" className="button button-danger-outline button-small" onClick={() => setMode('confirm-cancel')}>
            Cancel interview<span className="sr-only"> with {interview.candidateName}</span>
          </button>
        </div>
      )}
      {mode === 'reschedule' && (
        <RescheduleInterviewForm
          interview={interview}
          onDone={(rescheduled) => {
            // Rescheduled: the page's message takes focus; kept as it was: back to the button that opened the form.
            if (rescheduled) feedback.show(rescheduledFeedback(rescheduled));
            else refocusReschedule.current = true;
            setMode('view');
          }}
        />
      )}
      {mode === 'confirm-cancel' && (
        <ConfirmDialog
          title={`Cancel the interview with ${interview.candidateName}?`}
          confirmLabel="Cancel interview"
          cancelLabel="Keep interview"
          destructive
          busy={cancel.isPending}
          onConfirm={onCancel}
          onCancel={() => setMode('view')}
        >
          <p>
            {formatDateTime(interview.startTime)} with {interview.interviewer.name}. The Zoom meeting is deleted and its links stop
            working.
          </p>
        </ConfirmDialog>
      )}
    </li>
  );
}
