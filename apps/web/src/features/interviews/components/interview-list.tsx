import { useId } from 'react';
import type { Interview } from '@crm/shared/interviews';
import { EmptyState } from '../../../components/empty-state';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { useApiQuery } from '../../../hooks/use-api-query';
import { viewerTimeZone } from '../../../lib/format-date-time';
import { fetchInterviews } from '../api/interviews-api';
import { InterviewItem } from './interview-item';

/** Upcoming (soonest first) or past (latest first) interviews the viewer may see. */
export function InterviewList({
  when,
  viewerId,
  canManage,
  refreshKey,
  onChanged,
}: {
  when: 'upcoming' | 'past';
  viewerId: string;
  canManage: boolean;
  refreshKey: number;
  onChanged: () => void;
}) {
  const titleId = useId();
  const query = useApiQuery((signal) => fetchInterviews(when, signal), `${when}-${refreshKey}`);
  const interviews = query.data?.interviews;
  const title = when === 'upcoming' ? 'Upcoming interviews' : 'Past interviews';

  function replace(updated: Interview) {
    if (!query.data) return;
    query.setData({ interviews: query.data.interviews.map((item) => (item.id === updated.id ? updated : item)) });
    onChanged();
  }

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card-title">
        {title}
      </h2>
      {when === 'upcoming' && <p className="muted">Times are shown in your time zone, {viewerTimeZone()}.</p>}
      {query.status === 'loading' && !interviews && <LoadingState label={`Loading ${title.toLowerCase()}…`} />}
      {query.status === 'error' && <ErrorState title={`Could not load ${title.toLowerCase()}`} error={query.error} onRetry={query.reload} />}
      {interviews && interviews.length === 0 && (
        <EmptyState>{when === 'upcoming' ? 'No upcoming interviews.' : 'No past interviews yet.'}</EmptyState>
      )}
      {interviews && interviews.length > 0 && (
        <ul className="interview-list">
          {interviews.map((interview) => (
            <InterviewItem key={interview.id} interview={interview} viewerId={viewerId} canManage={canManage} onChanged={replace} />
          ))}
        </ul>
      )}
    </section>
  );
}
