import type { Interview } from '@crm/shared/interviews';
import type { InterviewRecord, ListedInterview } from '../ports/interview-repository';
import { hasAttendance, presentAttendance, presentZoomNotices } from '../zoom-events/derive-attendance-state';
import type { InterviewDeps } from './interview-deps';
import { loadInterviewers } from './list-interviews';
import { presentInterview, type Viewer } from './present-interview';

type PresentDeps = { users: Pick<InterviewDeps['users'], 'findByIds'> } & Partial<Pick<InterviewDeps, 'interviewAttendance' | 'clock'>>;

/**
 * The interviews as this viewer may see them, every panel member loaded once, with what Zoom reported
 * (attendance, changes made in Zoom). Internal notes only for the hiring team (maySeeNotes).
 */
export async function presentInterviewsForViewer(deps: PresentDeps, records: readonly ListedInterview[], viewer: Viewer): Promise<Interview[]> {
  const [interviewers, attendance] = await Promise.all([
    loadInterviewers(deps, records),
    deps.interviewAttendance ? deps.interviewAttendance.findMany(records.map((record) => record.id)) : [],
  ]);
  const attendanceById = new Map(attendance.map((entry) => [entry.interviewId, entry]));
  const now = deps.clock?.now() ?? new Date();
  return records.map((record) => {
    const interview = presentInterview(record, interviewers.get(record.interviewerId) ?? null, interviewers, viewer);
    const seen = attendanceById.get(record.id);
    if (!seen) return interview;
    return {
      ...interview,
      ...(hasAttendance(seen) ? { attendance: presentAttendance(seen, record.startTime, now) } : {}),
      ...(seen.zoomNotices.length > 0 ? { zoomNotices: presentZoomNotices(seen) } : {}),
    };
  });
}

export async function presentInterviewForViewer(deps: PresentDeps, record: InterviewRecord, viewer: Viewer): Promise<Interview> {
  const [interview] = await presentInterviewsForViewer(deps, [record], viewer);
  return interview!;
}
