import { useId, useState } from 'react';
import { EmptyState } from '../../../components/empty-state';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { viewerTimeZone } from '../../../lib/format-date-time';
import { useInterviews, type InterviewWindow } from '../api/get-interviews';
import { InterviewItem } from './interview-item';

/** Upcoming (soonest first) or past (latest first) interviews the viewer may see; refreshes itself while a meeting is pending. */
export function InterviewList({ when, viewerId, canManage }: { when: InterviewWindow; viewerId: string; canManage: boolean }) {
  const titleId = useId();
  const [showCancelled, setShowCancelled] = useState(false);
  const query = useInterviews(when, showCancelled);
  const interviews = query.data?.interviews;
  const title = when === 'upcoming' ? 'Upcoming interviews' : 'Past interviews';

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card-title">
        {title}
      </h2>
      {when === 'upcoming' && <p className="muted">Times are shown in your time zone, {viewerTimeZone()}.</p>}
      <label className="checkbox-field show-cancelled">
        <input type="checkbox" checked={showCancelled} onChange={(event) => setShowCancelled(event.target.checked)} /> Show cancelled
      </label>
      {query.isFetching && !interviews && <LoadingState label={`Loading ${title.toLowerCase()}…`} />}
      {query.isError && !query.isFetching && (
        <ErrorState title={`Could not load ${title.toLowerCase()}`} error={query.error} onRetry={() => void query.refetch()} />
      )}
      {interviews && interviews.length === 0 && (
        <EmptyState>{when === 'upcoming' ? 'No upcoming interviews.' : 'No past interviews yet.'}</EmptyState>
      )}
      {interviews && interviews.length > 0 && (
        <ul className="interview-list">
          {interviews.map((interview) => (
            <InterviewItem key={interview.id} interview={interview} viewerId={viewerId} canManage={canManage} />
          ))}
        </ul>
      )}
    </section>
  );
}
