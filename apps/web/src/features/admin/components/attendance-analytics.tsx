import { useId } from 'react';
import type { AttendanceAnalytics as Counts } from '@crm/shared/interviews';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { useMeetingAnalytics } from '../api/get-meeting-analytics';

const percent = (rate: number) => `${Math.round(rate * 100)}%`;

/** No-show rates and recordings over the last 30 days, in all and per interviewer (cancelled interviews left out). */
export function AttendanceAnalytics() {
  const titleId = useId();
  const captionId = useId();
  const analytics = useMeetingAnalytics();
  const { data } = analytics;
  const rows = data?.rows.filter((row) => row.attendance.interviews > 0) ?? [];
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card-title">
        Attendance, last 30 days
      </h2>
      {analytics.isFetching && !data && <LoadingState label="Loading attendance…" />}
      {analytics.isError && !analytics.isFetching && !data && (
        <ErrorState title="Could not load attendance" error={analytics.error} onRetry={() => void analytics.refetch()} />
      )}
      {data && (
        <>
          <p>
            {summary(data.attendance)}
          </p>
          {rows.length > 0 && (
            <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
              <table>
                <caption id={captionId}>Attendance by interviewer</caption>
                <thead>
                  <tr>
                    <th scope="col">Interviewer</th>
                    <th scope="col">Interviews</th>
                    <th scope="col">Candidate no-shows</th>
                    <th scope="col">Interviewer no-shows</th>
                    <th scope="col">Recordings</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.interviewer.id}>
                      <th scope="row">{row.interviewer.name}</th>
                      <td>{row.attendance.interviews}</td>
                      <td>
                        {row.attendance.candidateNoShows} ({percent(row.attendance.candidateNoShowRate)})
                      </td>
                      <td>
                        {row.attendance.interviewerNoShows} ({percent(row.attendance.interviewerNoShowRate)})
                      </td>
                      <td>{row.attendance.recordings}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function summary(counts: Counts): string {
  if (counts.interviews === 0) return 'No interviews were held in the last 30 days.';
  const untracked = counts.interviews - counts.tracked;
  return (
    `${counts.interviews} interviews held; candidate no-show rate ${percent(counts.candidateNoShowRate)}, ` +
    `interviewer no-show rate ${percent(counts.interviewerNoShowRate)}, ${counts.recordings} recorded.` +
    (untracked > 0 ? ` Zoom reported nothing for ${untracked}, so they are not counted in the rates.` : '')
  );
}
