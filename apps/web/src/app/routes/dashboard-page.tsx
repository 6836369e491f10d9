import { PageFeedbackProvider } from '../../components/page-feedback';
import { useSignedInUser } from '../../features/auth/components/session-provider';
import { InterviewFiltersBar } from '../../features/interviews/components/interview-filters-bar';
import { InterviewList } from '../../features/interviews/components/interview-list';
import { useInterviewFilters } from '../../features/interviews/components/use-interview-filters';
import { ScheduleInterviewForm } from '../../features/interviews/components/schedule-interview-form';
import { ZoomReconnectReminderBanner } from '../../features/reminders/components/zoom-reconnect-reminder-banner';
import { ZoomAttentionBanner } from '../../features/zoom-connection/components/zoom-attention-banner';
import { paths } from '../paths';
import { usePageTitle } from '../use-page-title';

export default function DashboardPage() {
  usePageTitle('Interviews');
  const user = useSignedInUser();
  const canSchedule = user.role === 'recruiter' || user.role === 'admin';
  const filterView = useInterviewFilters();

  return (
    <div className="page">
      <div className="page-heading">
        <h1>Interviews</h1>
      </div>
      <PageFeedbackProvider>
        {user.role === 'interviewer' && <ZoomAttentionBanner accountSettingsPath={paths.accountSettings} />}
        {user.role === 'interviewer' && <ZoomReconnectReminderBanner />}
        {canSchedule && (
          <section className="card">
            <ScheduleInterviewForm />
          </section>
        )}
        <InterviewFiltersBar view={filterView} canScheduleOwn={canSchedule} />
        <InterviewList when="upcoming" viewerId={user.id} canManage={canSchedule} filters={filterView.filters} />
        <InterviewList when="past" viewerId={user.id} canManage={false} filters={filterView.filters} />
      </PageFeedbackProvider>
    </div>
  );
}
