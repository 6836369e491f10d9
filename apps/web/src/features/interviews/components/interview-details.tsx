import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Interview } from '@crm/shared/interviews';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { formatDateTime } from '../../../lib/format-date-time';
import { useInterview, useInterviewHistory } from '../api/get-interview';
import { interviewQueryKeys } from '../api/interview-query-keys';
import { startMeetingUrl } from '../api/start-meeting-url';
import { CopyButton } from './copy-button';
import { HostBadge } from './host-badge';
import { InterviewHistoryList } from './interview-history-list';
import { formatInZone, zoneDiffers } from './interview-time';
import { MeetingStatus } from './meeting-status';
import { RescheduleInterviewForm } from './reschedule-interview-form';
import { mayStartMeeting, panelOf, PanelMembers } from './interview-panel';

const MEETING_STATE_WORDS: Record<Interview['meeting']['status'], string> = {
  scheduled: 'Scheduled in Zoom',
  pending: 'Waiting for Zoom',
  failed: 'Zoom refused the change',
  cancelled: 'Cancelled',
};

/** Everything typed about one interview and what became of it: the interview page's content. */
export function InterviewDetails({ id, viewer }: { id: string; viewer: { id: string; role: 'admin' | 'recruiter' | 'interviewer' } }) {
  const interview = useInterview(id);
  const history = useInterviewHistory(id);
  const queryClient = useQueryClient();
  const [rescheduling, setRescheduling] = useState(false);
  // Read once per mount so render stays pure.
  const [renderedAt] = useState(Date.now);

  if (interview.isPending) return <LoadingState label="Loading the interview…" />;
  if (interview.isError) return <ErrorState title="Could not load the interview" error={interview.error} onRetry={() => void interview.refetch()} />;

  const item = interview.data.interview;
  const { meeting } = item;
  const canManage = viewer.role === 'recruiter' || viewer.role === 'admin';
  const mayStart = mayStartMeeting(item, viewer);
  const panel = panelOf(item);
  const host = panel.find((member) => member.role === 'host');
  const live = item.status !== 'cancelled';
  const endsAt = Date.parse(item.startTime) + item.durationMinutes * 60_000;

  return (
    <div className="interview-details">
      <div className="page-heading">
        <h1>
          {item.candidateName}
          <span className="interview-position"> · {item.position}</span>
        </h1>
      </div>
      <section className="card" aria-labelledby="interview-details-when">
        <h2 id="interview-details-when" className="card-title">
          Interview
        </h2>
        <dl className="details-list">
          <dt>Candidate</dt>
          <dd>
            {item.candidateName} · <a href={`mailto:${item.candidateEmail}`}>{item.candidateEmail}</a>
          </dd>
          <dt>Position</dt>
          <dd>{item.position}</dd>
          <dt>{panel.length > 1 ? 'Panel' : 'Interviewer'}</dt>
          <dd>
            <PanelMembers interview={item} />
          </dd>
          <dt>Your time</dt>
          <dd>
            <time dateTime={item.startTime}>{formatDateTime(item.startTime)}</time> · {item.durationMinutes} min
          </dd>
          <dt>Interview time zone</dt>
          <dd>
            {formatInZone(item.startTime, item.timeZone)} ({item.timeZone})
            {!zoneDiffers(item.startTime, item.timeZone) && <span className="muted"> — the same clock as yours</span>}
          </dd>
          <dt>Status</dt>
          <dd>{live ? (endsAt < renderedAt ? 'Took place' : 'Scheduled') : 'Cancelled'}</dd>
        </dl>
        {canManage && live && !rescheduling && (
          <div className="button-row">
            <button type="button" className="button button-secondary button-small" onClick={() => setRescheduling(true)}>
              Reschedule
            </button>
          </div>
        )}
        {rescheduling && (
          <RescheduleInterviewForm
            interview={item}
            onDone={() => {
              setRescheduling(false);
              void queryClient.invalidateQueries({ queryKey: interviewQueryKeys.all });
            }}
          />
        )}
      </section>
      <section className="card" aria-labelledby="interview-details-meeting">
        <h2 id="interview-details-meeting" className="card-title">
          Zoom meeting
        </h2>
        <dl className="details-list">
          <dt>Meeting state</dt>
          <dd>
            {MEETING_STATE_WORDS[meeting.status]} <MeetingStatus meeting={meeting} />
          </dd>
          <dt>Host</dt>
          <dd>
            {host && <span className="cell-strong">{host.name} </span>}
            <HostBadge meeting={meeting} />
            {!meeting.hostSource && <span className="muted">Not decided yet</span>}
          </dd>
          <dt>Join link</dt>
          <dd>
            {meeting.joinUrl && live ? (
              <span className="copy-row">
                <a href={meeting.joinUrl} target="_blank" rel="noreferrer" className="join-url">
                  {meeting.joinUrl}
                </a>
                <CopyButton value={meeting.joinUrl} label="Copy join link" />
              </span>
            ) : (
              <span className="muted">No join link</span>
            )}
          </dd>
          <dt>Passcode</dt>
          <dd>{meeting.password ? <code>{meeting.password}</code> : <span className="muted">None</span>}</dd>
        </dl>
        {mayStart && live && meeting.zoomMeetingId && meeting.status !== 'cancelled' && (
          <p>
            <a href={startMeetingUrl(item.id)} target="_blank" rel="noreferrer" className="start-link">
              Start meeting as host
            </a>
          </p>
        )}
      </section>
      <section className="card" aria-labelledby="interview-details-texts">
        <h2 id="interview-details-texts" className="card-title">
          Agenda and notes
        </h2>
        <h3 className="details-subtitle">Agenda (sent to Zoom; the candidate may see it)</h3>
        <p className="preserve-lines">{item.agenda || <span className="muted">No agenda</span>}</p>
        <h3 className="details-subtitle">Internal notes (hiring team only)</h3>
        <p className="preserve-lines">{item.notes || <span className="muted">No notes</span>}</p>
      </section>
      <section className="card" aria-labelledby="interview-details-history">
        <h2 id="interview-details-history" className="card-title">
          History
        </h2>
        {history.isPending && <LoadingState label="Loading the history…" />}
        {history.isError && <ErrorState title="Could not load the history" error={history.error} onRetry={() => void history.refetch()} />}
        {history.data && <InterviewHistoryList history={history.data.history} />}
      </section>
    </div>
  );
}
