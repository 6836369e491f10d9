import type { ZoomConnectionState } from '@crm/shared/zoom-connection';
import { StatusPill, type StatusTone } from '../../../components/status-pill';

export const ZOOM_STATE_LABEL: Record<ZoomConnectionState, string> = {
  connected: 'Connected',
  needs_reconnect: 'Needs reconnect',
  not_connected: 'Not connected',
};
const TONE: Record<ZoomConnectionState, StatusTone> = { connected: 'success', needs_reconnect: 'warning', not_connected: 'neutral' };

export function ZoomStatePill({ state }: { state: ZoomConnectionState }) {
  return <StatusPill tone={TONE[state]}>{ZOOM_STATE_LABEL[state]}</StatusPill>;
}
