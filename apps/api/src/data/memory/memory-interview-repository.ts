import { randomUUID } from 'node:crypto';
import { binaryOrder } from './binary-order';
import type {
  InterviewDetails,
  InterviewListFilter,
  InterviewRecord,
  InterviewRepository,
  MeetingHostCount,
  MeetingPatch,
  MeetingRecord,
  NewInterview,
  RehostRequest,
  StartUrlEnvelope,
} from '../../domain/ports/interview-repository';
import { ZoomMeetingTakenError } from '../../domain/ports/interview-repository';
import { systemServerClock, type ServerClock } from './server-clock';
import { interviewEndTime, newInterviewRecord } from '../../domain/interviews/new-interview-record';

function claimFree(meeting: MeetingRecord, serverNow: Date): boolean {
  return meeting.claimedBy === null || meeting.claimExpiresAt === null || meeting.claimExpiresAt.getTime() <= serverNow.getTime();
}

/** A claim lasts what the caller asked for (expiresAt - now), counted on the store's clock. */
function claimExpiry(expiresAt: Date, now: Date, serverNow: Date): Date {
  return new Date(serverNow.getTime() + Math.max(0, expiresAt.getTime() - now.getTime()));
}

/** Leaves out undefined fields, as MongoDB's $set of the same patch does. */
function definedFields<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** Every method runs synchronously between awaits, so each is atomic just as a single MongoDB update is. */
export class MemoryInterviewRepository implements InterviewRepository {
  private readonly documents = new Map<string, InterviewRecord>();

  constructor(private readonly serverNow: ServerClock = systemServerClock) {}

  async create(input: NewInterview): Promise<InterviewRecord> {
    const record = newInterviewRecord(input, randomUUID(), new Date());
    this.documents.set(record.id, structuredClone(record));
    return structuredClone(record);
  }

  async findById(id: string): Promise<InterviewRecord | null> {
    const doc = this.documents.get(id);
    return doc ? structuredClone(doc) : null;
  }

  async list(filter: InterviewListFilter): Promise<InterviewRecord[]> {
    const now = filter.now.getTime();
    const matches = [...this.documents.values()].filter(
      (doc) =>
        (filter.interviewerId === undefined || doc.interviewerId === filter.interviewerId) &&
        (filter.includeCancelled || doc.status !== 'cancelled') &&
        (filter.when === 'all' || (filter.when === 'upcoming' ? doc.endTime.getTime() >= now : doc.endTime.getTime() < now)),
    );
    const direction = filter.when === 'past' ? -1 : 1;
    matches.sort((a, b) => direction * (a.startTime.getTime() - b.startTime.getTime() || binaryOrder(a.id, b.id)));
    return structuredClone(matches.slice(0, filter.limit));
  }

  async updateDetails(id: string, changes: Partial<InterviewDetails>, options: { bumpRevision: boolean; now: Date }): Promise<InterviewRecord | null> {
    const doc = this.documents.get(id);
    if (!doc || doc.status === 'cancelled') return null;
    const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<InterviewDetails>;
    Object.assign(doc, structuredClone(defined));
    doc.endTime = interviewEndTime(doc.startTime, doc.durationMinutes);
    doc.updatedAt = new Date(options.now);
    if (options.bumpRevision) {
      doc.revision += 1;
      owePending(doc, options.now);
    }
    return structuredClone(doc);
  }

  async cancel(id: string, now: Date): Promise<InterviewRecord | null> {
    const doc = this.documents.get(id);
    if (!doc || doc.status === 'cancelled') return null;
    doc.status = 'cancelled';
    doc.updatedAt = new Date(now);
    doc.revision += 1;
    owePending(doc, now);
    return structuredClone(doc);
  }

  async claim(id: string, owner: string, expiresAt: Date, now: Date): Promise<InterviewRecord | null> {
    const doc = this.documents.get(id);
    const serverNow = this.serverNow();
    if (!doc || !claimFree(doc.meeting, serverNow)) return null;
    doc.meeting.claimedBy = owner;
    doc.meeting.claimExpiresAt = claimExpiry(expiresAt, now, serverNow);
    return structuredClone(doc);
  }

  async claimNextDue(owner: string, expiresAt: Date, now: Date): Promise<InterviewRecord | null> {
    const serverNow = this.serverNow();
    const due = [...this.documents.values()]
      .filter((doc) => doc.meeting.status === 'pending' && doc.meeting.nextAttemptAt !== null && doc.meeting.nextAttemptAt <= now && claimFree(doc.meeting, serverNow))
      .sort((a, b) => a.meeting.nextAttemptAt!.getTime() - b.meeting.nextAttemptAt!.getTime() || binaryOrder(a.id, b.id));
    const doc = due[0];
    if (!doc) return null;
    doc.meeting.claimedBy = owner;
    doc.meeting.claimExpiresAt = claimExpiry(expiresAt, now, serverNow);
    return structuredClone(doc);
  }

  async patchMeeting(id: string, owner: string, patch: MeetingPatch): Promise<InterviewRecord | null> {
    const doc = this.documents.get(id);
    if (!doc || doc.meeting.claimedBy !== owner) return null;
    this.refuseTakenMeetingId(doc, patch);
    Object.assign(doc.meeting, structuredClone(definedFields(patch)));
    return structuredClone(doc);
  }

  async release(id: string, owner: string, revision: number, patch: MeetingPatch): Promise<InterviewRecord | null> {
    const doc = this.documents.get(id);
    if (!doc || doc.meeting.claimedBy !== owner) return null;
    if (doc.revision === revision) {
      this.refuseTakenMeetingId(doc, patch);
      Object.assign(doc.meeting, structuredClone(definedFields(patch)));
    } else {
      owePending(doc, new Date());
    }
    doc.meeting.claimedBy = null;
    doc.meeting.claimExpiresAt = null;
    return structuredClone(doc);
  }

  async countMeetingHosts(since: Date): Promise<MeetingHostCount[]> {
    const counts = new Map<string, MeetingHostCount>();
    for (const doc of this.documents.values()) {
      const { hostSource, hostReason, createdInZoomAt } = doc.meeting;
      if (!hostSource || !createdInZoomAt || createdInZoomAt < since || doc.status === 'cancelled') continue;
      const key = JSON.stringify([doc.interviewerId, hostSource, hostReason]);
      const row = counts.get(key) ?? { interviewerId: doc.interviewerId, hostSource, hostReason, count: 0 };
      row.count += 1;
      counts.set(key, row);
    }
    return [...counts.values()];
  }

  async findByZoomMeetingId(zoomMeetingId: string): Promise<InterviewRecord | null> {
    const doc = [...this.documents.values()].find((candidate) => candidate.meeting.zoomMeetingId === zoomMeetingId);
    return doc ? structuredClone(doc) : null;
  }

  async isZoomMeetingTaken(zoomMeetingId: string, exceptInterviewId?: string): Promise<boolean> {
    return [...this.documents.values()].some((doc) => doc.meeting.zoomMeetingId === zoomMeetingId && !doc.meeting.deletedInZoom && doc.id !== exceptInterviewId);
  }

  /** The partial unique index of MongoDB: one live (not deleted in Zoom) interview per Zoom meeting id. */
  private refuseTakenMeetingId(doc: InterviewRecord, patch: MeetingPatch): void {
    const meetingId = patch.zoomMeetingId === undefined ? doc.meeting.zoomMeetingId : patch.zoomMeetingId;
    const deleted = patch.deletedInZoom ?? doc.meeting.deletedInZoom;
    if (meetingId === null || deleted) return;
    const holder = [...this.documents.values()].find((other) => other.id !== doc.id && other.meeting.zoomMeetingId === meetingId && !other.meeting.deletedInZoom);
    if (holder) throw new ZoomMeetingTakenError(meetingId);
  }

  async markForRehost(requests: RehostRequest[], now: Date): Promise<string[]> {
    const reasons = new Map(requests.map((request) => [request.interviewerId, request.reason]));
    const queued: string[] = [];
    for (const doc of this.documents.values()) {
      const reason = reasons.get(doc.interviewerId);
      const { meeting } = doc;
      if (!reason || doc.status !== 'scheduled' || doc.endTime < now || meeting.hostSource !== 'interviewer' || !meeting.zoomMeetingId || meeting.previousMeeting) continue;
      meeting.previousMeeting = { zoomMeetingId: meeting.zoomMeetingId, hostSource: meeting.hostSource, hostZoomUserId: meeting.hostZoomUserId, joinUrl: meeting.joinUrl };
      Object.assign(meeting, { zoomMeetingId: null, joinUrl: null, password: null, rehostReason: reason, pendingAction: 'create' });
      doc.revision += 1;
      owePending(doc, now);
      queued.push(doc.id);
    }
    return queued;
  }

  async listStartUrlEnvelopes(): Promise<StartUrlEnvelope[]> {
    return [...this.documents.values()]
      .filter((doc) => doc.meeting.startUrlEnvelope !== null)
      .map((doc) => ({ id: doc.id, envelope: doc.meeting.startUrlEnvelope! }));
  }

  async replaceStartUrlEnvelope(id: string, expected: string, next: string | null): Promise<boolean> {
    const doc = this.documents.get(id);
    if (!doc || doc.meeting.startUrlEnvelope !== expected) return false;
    doc.meeting.startUrlEnvelope = next;
    return true;
  }
}

/** A change Zoom has not seen yet: the meeting is pending and due now (the worker picks it up). */
function owePending(doc: InterviewRecord, now: Date): void {
  doc.meeting.status = 'pending';
  doc.meeting.nextAttemptAt = now;
  doc.meeting.attempts = 0;
}
