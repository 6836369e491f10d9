/** Where a recorded Zoom event stands in the pipeline. */
export type ZoomEventStatus = 'pending' | 'processed' | 'failed';

/** A Zoom webhook event as received and durably recorded, before and after it is processed. */
export interface ZoomEventRecord {
  id: string;
  /** event + payload object id (+ participant) + event_ts: the same delivery retried by Zoom has the same key. */
  dedupeKey: string;
  /** Zoom's event name, e.g. `meeting.participant_joined`. */
  event: string;
  /** Zoom's `event_ts` (epoch ms), null when the body carried none. */
  eventTs: number | null;
  /** The signed body as parsed (event, event_ts, payload); what the processor acts on. */
  body: Record<string, unknown>;
  receivedAt: Date;
  /** The delivering request, for the audit trail of what processing does. */
  receivedBy: { requestId: string | null; ip: string | null };
  status: ZoomEventStatus;
  /** Processing attempts made so far. */
  attempts: number;
  /** When a pending event is next due for processing. */
  nextAttemptAt: Date;
  /** What processing concluded, e.g. `deauthorized`, `attendance_updated`, `no_interview`. */
  outcome: string | null;
  lastError: string | null;
  processedAt: Date | null;
  /** Later deliveries of the same key that were ignored. */
  duplicateDeliveries: number;
}

export interface NewZoomEvent {
  dedupeKey: string;
  event: string;
  eventTs: number | null;
  body: Record<string, unknown>;
  receivedAt: Date;
  receivedBy: { requestId: string | null; ip: string | null };
}

export type RecordZoomEventResult = { recorded: true; record: ZoomEventRecord } | { recorded: false; duplicateOf: string };

export interface ZoomEventCounts {
  pending: number;
  processed: number;
  failed: number;
  duplicateDeliveries: number;
}

/**
 * The durable inbox of Zoom webhook events: written before Zoom gets its 2xx, drained by the event
 * processor, so an event survives a restart between the two. Each event is claimed before it is processed,
 * so two processes never act on the same one at once.
 */
export interface ZoomEventRepository {
  /** Stores the event unless one with the same dedupe key exists; then counts the duplicate delivery instead. */
  record(input: NewZoomEvent): Promise<RecordZoomEventResult>;
  findById(id: string): Promise<ZoomEventRecord | null>;
  /** Claims this event when it is pending, due and nobody else holds it. */
  claim(id: string, owner: string, claimUntil: Date, now: Date): Promise<ZoomEventRecord | null>;
  /** Claims the pending event due soonest (oldest first), or null. */
  claimNextDue(owner: string, claimUntil: Date, now: Date): Promise<ZoomEventRecord | null>;
  /**
   * Ends processing for good (processed, or failed after the last attempt) and drops the claim; a sealed
   * download token in the body goes too, as nothing needs it any more. False when the claim was lost.
   */
  finish(id: string, owner: string, result: { status: 'processed' | 'failed'; outcome: string | null; error: string | null; at: Date }): Promise<boolean>;
  /** Records a failed attempt, drops the claim and makes the event due again at `nextAttemptAt`. */
  retryLater(id: string, owner: string, result: { error: string; nextAttemptAt: Date }): Promise<boolean>;
  counts(): Promise<ZoomEventCounts>;
}
