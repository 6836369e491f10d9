import { useId } from 'react';
import { EmptyState } from '../../../components/empty-state';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { viewerTimeZone } from '../../../lib/format-date-time';
import { loadedInterviews, useInterviews, type InterviewWindow } from '../api/get-interviews';
import { activeFilters, type InterviewFilters } from '../api/interview-filters';
import { InterviewItem } from './interview-item';

/**
 * Upcoming (soonest first) or past (latest first) interviews the viewer may see, a page at a time
 * ("Load more" asks the API for the next one), narrowed by `filters`; refreshes itself while a meeting is pending.
 */
export function InterviewList({ when, viewerId, canManage, filters = {} }: { when: InterviewWindow; viewerId: string; canManage: boolean; filters?: InterviewFilters }) {
  const titleId = useId();
  const query = useInterviews(when, filters);
  const interviews = query.data ? loadedInterviews(query.data) : undefined;
  const title = when === 'upcoming' ? 'Upcoming interviews' : 'Past interviews';
  const filtered = Object.keys(activeFilters(filters)).length > 0;

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card-title">
        {title}
      </h2>
      {when === 'upcoming' && <p className="muted">Times are shown in your time zone, {viewerTimeZone()}.</p>}
      {query.isFetching && !interviews && <LoadingState label={`Loading ${title.toLowerCase()}…`} />}
      {query.isError && !query.isFetching && (
        <ErrorState title={`Could not load ${title.toLowerCase()}`} error={query.error} onRetry={() => void query.refetch()} />
      )}
      {interviews && interviews.length === 0 && (
        <EmptyState>{filtered ? 'No interviews match these filters.' : when === 'upcoming' ? 'No upcoming interviews.' : 'No past interviews yet.'}</EmptyState>
      )}
      {interviews && interviews.length > 0 && (
        <ul className="interview-list">
          {interviews.map((interview) => (
            <InterviewItem key={interview.id} interview={interview} viewerId={viewerId} canManage={canManage} />
          ))}
        </ul>
      )}
      {query.hasNextPage && (
        <div className="button-row">
          <button type="button" className="button button-secondary" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            {query.isFetchingNextPage ? 'Loading more…' : `Load more ${when} interviews`}
          </button>
        </div>
      )}
    </section>
  );
}
