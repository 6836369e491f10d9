import type { SimulatorState } from '../state/simulator-state';
import type { MeetingActivity } from './live-meetings';

export interface EmittedEvent {
  event: string;
  /** What happened to it: delivered (first attempts' statuses; two for a duplicate), dropped, or delayed. */
  fate: 'sent' | 'dropped' | 'duplicated' | 'delayed';
  /** HTTP statuses of the first attempts made now (0: no answer); empty when dropped or delayed. */
  statuses: number[];
}

export interface EmittedActivity {
  participantId: string | null;
  events: EmittedEvent[];
}

/**
 * Sends an activity's events to the configured webhook in order, each through the dispatcher (so Zoom's
 * retry schedule applies) and through the webhook faults (drop, duplicate, delay).
 */
export async function emitMeetingActivity(state: SimulatorState, activity: MeetingActivity, target: { url: string; secretToken: string }): Promise<EmittedActivity> {
  const events: EmittedEvent[] = [];
  for (const event of activity.events) {
    const fault = state.webhookFaults.take(event.event);
    const message = { url: target.url, secretToken: target.secretToken, event };
    if (fault?.action === 'drop') {
      events.push({ event: event.event, fate: 'dropped', statuses: [] });
      continue;
    }
    if (fault?.action === 'delay') {
      state.webhooks.schedule(message, fault.delayMs ?? 0);
      events.push({ event: event.event, fate: 'delayed', statuses: [] });
      continue;
    }
    const copies = fault?.action === 'duplicate' ? 2 : 1;
    const statuses: number[] = [];
    for (let copy = 0; copy < copies; copy += 1) {
      const { delivery } = await state.webhooks.sendNow(message);
      statuses.push((delivery)?.status ?? 0);
    }
    events.push({ event: event.event, fate: copies === 2 ? 'duplicated' : 'sent', statuses });
  }
  return { participantId: activity.participantId, events };
}
