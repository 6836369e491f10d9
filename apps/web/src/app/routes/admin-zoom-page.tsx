import { AuditLog } from '../../features/admin/components/audit-log';
import { AttendanceAnalytics } from '../../features/admin/components/attendance-analytics';
import { RecordingSettingsForm } from '../../features/admin/components/recording-settings-form';
import { UserAccounts } from '../../features/admin/components/user-accounts';
import { ZoomConnectionsOverview } from '../../features/admin/components/zoom-connections-overview';
import { useSignedInUser } from '../../features/auth/components/session-provider';
import { SchedulingPolicyCard } from '../../features/interviews/components/scheduling-policy-card';
import { OutboxTable } from '../../features/outbox/components/outbox-table';
import { usePageTitle } from '../use-page-title';

export default function AdminZoomPage() {
  usePageTitle('Zoom connections');
  const me = useSignedInUser();
  return (
    <div className="page">
      <div className="page-heading">
        <h1>Zoom connections</h1>
        <p className="muted">Who hosts interviews from their own Zoom, who needs help, and what changed.</p>
      </div>
      <ZoomConnectionsOverview />
      <SchedulingPolicyCard />
      <UserAccounts currentUserId={me.id} />
      <AttendanceAnalytics />
      <RecordingSettingsForm />
      <AuditLog />
      <OutboxTable />
    </div>
  );
}
