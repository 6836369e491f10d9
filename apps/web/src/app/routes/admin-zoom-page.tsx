import { AuditLog } from '../../features/admin/components/audit-log';
import { ZoomConnectionsOverview } from '../../features/admin/components/zoom-connections-overview';
import { OutboxTable } from '../../features/outbox/components/outbox-table';
import { usePageTitle } from '../use-page-title';

export default function AdminZoomPage() {
  usePageTitle('Zoom connections');
  return (
    <div className="page">
      <div className="page-heading">
        <h1>Zoom connections</h1>
        <p className="muted">Who hosts interviews from their own Zoom, who needs help, and what changed.</p>
      </div>
      <ZoomConnectionsOverview />
      <AuditLog />
      <OutboxTable />
    </div>
  );
}
