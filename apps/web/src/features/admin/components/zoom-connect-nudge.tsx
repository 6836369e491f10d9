import { useState } from 'react';
import { ZOOM_NUDGE_RECIPIENT_WINDOW_HOURS } from '@crm/shared/reminders';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { Notice } from '../../../components/notice';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format-date-time';
import { nudgeRefusal, useNudgeUnconnectedInterviewersMutation } from '../api/use-nudge-unconnected-interviewers-mutation';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** "Please connect Zoom": one email to every interviewer whose Zoom is not connected, with what came of it. */
export function ZoomConnectNudge({ unconnected }: { unconnected: number }) {
  const nudge = useNudgeUnconnectedInterviewersMutation();
  const [confirming, setConfirming] = useState(false);
  const refusal = nudge.isError ? nudgeRefusal(nudge.error) : null;

  function onConfirm() {
    nudge.mutate(undefined, { onSettled: () => setConfirming(false) });
  }

  return (
    <div>
      <p>
        {unconnected === 0
          ? 'Every interviewer hosts from their own Zoom.'
          : `${plural(unconnected, 'interviewer does', 'interviewers do')} not host from their own Zoom yet.`}{' '}
        <button type="button" className="button button-secondary button-small" disabled={unconnected === 0 || nudge.isPending} onClick={() => setConfirming(true)}>
          Email a reminder to connect Zoom
        </button>
      </p>
      {nudge.isSuccess && (
        <Notice tone="success" onDismiss={() => nudge.reset()}>
          <p>
            Reminder emailed to {plural(nudge.data.nudged, 'interviewer', 'interviewers')}.
            {nudge.data.skippedRecentlyNudged > 0 &&
              ` ${plural(nudge.data.skippedRecentlyNudged, 'other was', 'others were')} already reminded in the last ${ZOOM_NUDGE_RECIPIENT_WINDOW_HOURS} hours.`}{' '}
            You can send the next one after {formatDateTime(nudge.data.nextNudgeAt)}.
          </p>
        </Notice>
      )}
      {nudge.isError && (
        <Notice tone={refusal ? 'warning' : 'error'} title={refusal ? 'Reminder already sent recently' : 'Could not send the reminder'} onDismiss={() => nudge.reset()}>
          <p>{refusal ? `You can send the next one after ${formatDateTime(refusal.retryAt)}.` : errorMessage(nudge.error)}</p>
        </Notice>
      )}
      {confirming && (
        <ConfirmDialog title="Email a reminder to connect Zoom?" confirmLabel="Send reminder" busy={nudge.isPending} onConfirm={onConfirm} onCancel={() => setConfirming(false)}>
          <p>
            Every active interviewer whose Zoom is not connected, or needs a reconnect, gets one email with a link to Account Settings. Nobody
            gets more than one in {ZOOM_NUDGE_RECIPIENT_WINDOW_HOURS} hours. This is recorded in the audit log.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
