import { Link } from 'react-router-dom';
import { Notice } from '../../../components/notice';
import { useZoomStatus } from '../api/get-zoom-status';

/** Tells an interviewer, wherever they are, that interviews they host are not on their own Zoom. */
export function ZoomAttentionBanner({ accountSettingsPath }: { accountSettingsPath: string }) {
  const status = useZoomStatus();
  const data = status.data;
  if (!data || data.state === 'connected') return null;

  if (data.state === 'needs_reconnect') {
    return (
      <Notice tone="warning" title="Your Zoom connection needs attention">
        <p>
          {data.lastProblem ?? 'Zoom no longer accepts your connection.'} Interviews you host use the system account
          until you reconnect. <Link to={accountSettingsPath}>Reconnect in Account Settings</Link>
        </p>
      </Notice>
    );
  }
  return (
    <Notice tone="info" title="Host interviews from your own Zoom">
      <p>
        Your Zoom account is not connected, so interviews you host use the system account.{' '}
        <Link to={accountSettingsPath}>Connect Zoom in Account Settings</Link>
      </p>
    </Notice>
  );
}
