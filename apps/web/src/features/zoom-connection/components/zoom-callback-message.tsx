import { ZOOM_CALLBACK_RESULTS, type ZoomCallbackResult } from '@crm/shared/zoom-connection';
import { Notice, type NoticeTone } from '../../../components/notice';

const MESSAGES: Record<ZoomCallbackResult, { tone: NoticeTone; title: string; text: string }> = {
  connected: {
    tone: 'success',
    title: 'Zoom is connected',
    text: 'Interviews you host will now be created in your own Zoom account, with recordings in your Zoom dashboard.',
  },
  access_denied: {
    tone: 'warning',
    title: 'Zoom was not connected',
    text: 'You chose not to allow access in Zoom, so nothing changed. Interviews you host keep using the system account; you can connect any time.',
  },
  state_invalid: {
    tone: 'error',
    title: 'Zoom could not be connected',
    text: 'The reply from Zoom did not match a connection you started here, so it was ignored for your safety. Nothing changed — start again with Connect Zoom.',
  },
  state_expired: {
    tone: 'error',
    title: 'The Zoom sign-in took too long',
    text: 'The link to Zoom expired before you came back. Nothing changed — choose Connect Zoom to try again.',
  },
  exchange_failed: {
    tone: 'error',
    title: 'Zoom could not finish the connection',
    text: 'You allowed access, but we could not complete the set-up with Zoom. Nothing was saved. Try again in a few minutes.',
  },
  zoom_account_in_use: {
    tone: 'error',
    title: 'That Zoom account is already in use',
    text: 'The Zoom account you chose is connected to another person here. Sign in to Zoom with your own account and try again, or ask an admin for help.',
  },
  zoom_account_is_fallback_host: {
    tone: 'error',
    title: "That is the organisation's Zoom account",
    text: "The Zoom account you chose is the organisation's fallback host, which hosts interviews for everyone whose own Zoom is not connected, so it cannot be anyone's personal connection. Nothing changed — sign in to Zoom with your own account and try again.",
  },
  zoom_not_configured: {
    tone: 'error',
    title: 'Zoom is not set up on this server',
    text: 'An administrator has not configured the Zoom app yet, so accounts cannot be connected. Interviews you host use the system account meanwhile.',
  },
};

export function isZoomCallbackResult(value: string | null): value is ZoomCallbackResult {
  return value !== null && (ZOOM_CALLBACK_RESULTS as readonly string[]).includes(value);
}

/**
 * What happened on Zoom's side, in words, after the API sent the browser back here. On success with a
 * Zoom account whose email is not the CRM account's, it names that account and says so plainly.
 */
export function ZoomCallbackMessage({
  result,
  onDismiss,
  zoomEmail,
  accountEmail,
}: {
  result: string;
  onDismiss: () => void;
  zoomEmail?: string | null;
  accountEmail?: string;
}) {
  const differs = result === 'connected' && !!zoomEmail && !!accountEmail && zoomEmail.toLowerCase() !== accountEmail.toLowerCase();
  const message = isZoomCallbackResult(result)
    ? MESSAGES[result]
    : { tone: 'error' as const, title: 'Zoom could not be connected', text: 'Something unexpected came back from Zoom. Nothing changed — try again.' };
  return (
    <Notice tone={message.tone} title={message.title} onDismiss={onDismiss}>
      <p>{message.text}</p>
      {differs && (
        <p>
          Connected Zoom account: <strong>{zoomEmail}</strong>. This is not your CRM email ({accountEmail}): meetings you host will be
          created in that Zoom account. If that is not yours, disconnect and connect your own.
        </p>
      )}
    </Notice>
  );
}
