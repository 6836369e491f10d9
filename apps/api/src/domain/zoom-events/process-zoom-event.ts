import { recordableZoomEventSchema } from '@crm/shared/zoom-connection';
import type { ZoomEventRecord } from '../ports/zoom-event-repository';
import { attachZoomRecording } from '../recordings/attach-zoom-recording';
import { deauthorizeZoomUser } from '../zoom-connection/deauthorize-zoom-user';
import { SEALED_DOWNLOAD_TOKEN_FIELD } from '../zoom-connection/handle-zoom-webhook';
import { applyZoomMeetingDeletion, applyZoomMeetingUpdate } from './apply-zoom-meeting-edit';
import { trackMeetingAttendance } from './track-meeting-attendance';
import { recordZoomEventApplied } from '../audit/record-zoom-event-applied';
import { zoomEventAuditDeps, type ZoomEventDeps } from './zoom-event-deps';

/**
 * Acts on one recorded event and says what came of it (stored as the event's outcome). Throwing means
 * "try again later": the processor retries with backoff. Each processor is idempotent, since a crash
 * between acting and marking the event processed replays it.
 */
export async function processZoomEvent(deps: ZoomEventDeps, record: ZoomEventRecord): Promise<string> {
  const parsed = recordableZoomEventSchema.safeParse(record.body);
  if (!parsed.success) return 'unreadable';
  const event = parsed.data;
  switch (event.event) {
    case 'app_deauthorized': {
      const { payload } = event;
      if (payload.client_id && deps.zoomClientId && payload.client_id !== deps.zoomClientId) return 'other_app';
      return deauthorizeZoomUser(
        deps.connections,
        { zoomUserId: payload.user_id, zoomAccountId: payload.account_id ?? null, deauthorizedAt: payload.deauthorization_time ?? null },
        { requestId: record.receivedBy.requestId, ip: record.receivedBy.ip, actorUserId: null },
      );
    }
    case 'meeting.started':
    case 'meeting.ended':
    case 'meeting.participant_joined':
    case 'meeting.participant_left':
    case 'meeting.participant_jbh_waiting':
    case 'meeting.participant_jbh_joined':
    case 'meeting.participant_put_in_waiting_room':
    case 'meeting.participant_admitted':
      return trackMeetingAttendance(deps, event);
    case 'meeting.updated':
      return applyZoomMeetingUpdate(deps, event);
    case 'meeting.deleted':
      return applyZoomMeetingDeletion(deps, event);
    case 'recording.completed':
    case 'recording.transcript_completed': {
      const sealed = record.body[SEALED_DOWNLOAD_TOKEN_FIELD];
      const outcome = await attachZoomRecording(deps, event, record, typeof sealed === 'string' ? sealed : null);
      if (outcome === 'recording_attached' || outcome === 'transcript_attached') {
        const interview = await deps.interviews.findByZoomMeetingId(event.payload.object.id);
        if (interview) await recordZoomEventApplied(zoomEventAuditDeps(deps), { zoomEvent: event.event, outcome, interview });
      }
      return outcome;
    }
  }
}
