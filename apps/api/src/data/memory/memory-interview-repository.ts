import { randomUUID } from 'node:crypto';
import { binaryOrder } from './binary-order';
import { cloneDocument } from './clone-document';
import { StartTimeOrder, type OrderEntry } from './start-time-order';
import { CandidatePostings } from './candidate-postings';
import { searchKeysOf } from '../../domain/pagination/search-keys';
import type {
  InterviewDetails,
  InterviewListFilter,
  InterviewRecord,
  InterviewRepository,
  ListedInterview,
  MeetingHostCount,
  MeetingPatch,
  MeetingRecord,
  NewInterview,
  OverlapQuery,
  RehostRequest,
  StartUrlEnvelope,
} from '../../domain/ports/interview-repository';
import { NO_FALLBACK_HOST_FREE, ZoomMeetingTakenError } from '../../domain/ports/interview-repository';
import { systemServerClock, type ServerClock } from './server-clock';
import { interviewEndTime, newInterviewRecord } from '../../domain/interviews/new-interview-record';
import { hostInterviewerOf, panelOf } from '../../domain/interviews/interview-panel';

/** The longest interview the schema allows (480 minutes): how far back an upcoming one may have started. */
const MAX_DURATION_MS = 480 * 60_000;

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
  // The list orders (everyone's, per interviewer, per scheduler) and candidate search keys, kept as MongoDB keeps its indexes.
  private readonly everyone = new StartTimeOrder();
  private readonly byInterviewer = new Map<string, StartTimeOrder>();
  private readonly byCreator = new Map<string, StartTimeOrder>();
  /** Live (not deleted in Zoom) meeting id → interview id: MongoDB's partial unique index, without scanning every interview. */
  private readonly liveMeetings = new Map<string, string>();
  /** Per candidate search key, the interviews in list order (MongoDB's searchKeys index). */
  private readonly postings = new CandidatePostings();

  constructor(private readonly serverNow: ServerClock = systemServerClock) {}

  async create(input: NewInterview): Promise<InterviewRecord> {
    const record = newInterviewRecord(input, randomUUID(), new Date());
    this.documents.set(record.id, structuredClone(record));
    this.index(record, true);
    return cloneDocument(record);
  }

  /** Every write of meeting fields goes through here, so the live meeting index follows it. */
  private changeMeeting(doc: InterviewRecord, patch: MeetingPatch): void {
    const { zoomMeetingId: before, deletedInZoom: wasDeleted } = doc.meeting;
    Object.assign(doc.meeting, structuredClone(patch));
    const { zoomMeetingId: after, deletedInZoom: deleted } = doc.meeting;
    if (before !== null && !wasDeleted && this.liveMeetings.get(before) === doc.id) this.liveMeetings.delete(before);
    if (after !== null && !deleted) this.liveMeetings.set(after, doc.id);
  }

  private ordersOf(doc: InterviewRecord): StartTimeOrder[] {
    const of = (map: Map<string, StartTimeOrder>, key: string) => map.get(key) ?? map.set(key, new StartTimeOrder()).get(key)!;
    // Every panel member's list holds it, as MongoDB's multikey index on interviewerIds does.
    return [this.everyone, ...panelOf(doc).map((id) => of(this.byInterviewer, id)), of(this.byCreator, doc.createdById)];
  }

  private index(doc: InterviewRecord, add: boolean): void {
    const entry = { t: doc.startTime.getTime(), id: doc.id };
    for (const order of this.ordersOf(doc)) {
      if (add) order.insert(entry);
      else order.remove(entry);
    }
    const keys = searchKeysOf(doc.candidateName, doc.candidateEmail);
    if (add) this.postings.add(keys, entry);
    else this.postings.remove(keys, entry);
  }

  async findById(id: string): Promise<InterviewRecord | null> {
    const doc = this.documents.get(id);
    return doc ? cloneDocument(doc) : null;
  }

  async list(filter: InterviewListFilter): Promise<readonly ListedInterview[]> {
    const now = filter.now.getTime();
    const matches = (doc: InterviewRecord) =>
      (filter.interviewerId === undefined || panelOf(doc).includes(filter.interviewerId)) &&
      (filter.createdById === undefined || doc.createdById === filter.createdById) &&
      (filter.includeCancelled || doc.status !== 'cancelled') &&
      (filter.when === 'all' || (filter.when === 'upcoming' ? doc.endTime.getTime() >= now : doc.endTime.getTime() < now)) &&
      (filter.meetingStatus === undefined || doc.meeting.status === filter.meetingStatus) &&
      (filter.hostSource === undefined || doc.meeting.hostSource === filter.hostSource);
    // The most selective order that covers the filter, walked from where the page starts.
    const order =
      filter.interviewerId !== undefined ? this.byInterviewer.get(filter.interviewerId) : filter.createdById !== undefined ? this.byCreator.get(filter.createdById) : this.everyone;
    if (!order) return [];
    // A candidate prefix walks its postings (merged in list order) instead of the whole list order.
    const prefix = filter.candidatePrefix;
    const walk = (start: OrderEntry, descending: boolean, inclusive: boolean): Iterable<OrderEntry> =>
      prefix !== undefined ? this.postings.walk(prefix, start, { descending, inclusive }) : order.walk(start, { descending, inclusive });
    const from = filter.startFrom?.getTime() ?? -Infinity;
    const before = filter.startBefore?.getTime() ?? Infinity;
    const page: InterviewRecord[] = [];
    if (filter.when === 'past') {
      // Latest first: ended before now means started before now too.
      const start = filter.after ? { t: filter.after.startTime.getTime(), id: filter.after.id } : { t: Math.min(now, before), id: '' };
      for (const entry of walk(start, true, false)) {
        if (page.length >= filter.limit || entry.t < from) break;
        if (entry.t >= before) continue;
        const doc = this.documents.get(entry.id)!;
        if (matches(doc)) page.push(doc);
      }
    } else {
      // Soonest first; an upcoming interview may have started up to its longest duration ago.
      const earliest = Math.max(from, filter.when === 'upcoming' ? now - MAX_DURATION_MS : -Infinity);
      const start = filter.after ? { t: filter.after.startTime.getTime(), id: filter.after.id } : { t: earliest, id: '' };
      for (const entry of walk(start, false, !filter.after)) {
        if (page.length >= filter.limit || entry.t >= before) break;
        if (entry.t < from) continue;
        const doc = this.documents.get(entry.id)!;
        if (matches(doc)) page.push(doc);
      }
    }
    // The stored documents themselves, typed read-only: copying them was a quarter of a page's handling.
    return page;
  }

  /** Nothing to do: the memory store indexes every record it holds as it stores it. */
  async backfillSearchKeys(): Promise<number> {
    return 0;
  }

  async findOverlapping(query: OverlapQuery): Promise<InterviewRecord[]> {
    const matches = [...this.documents.values()].filter(
      (doc) =>
        doc.status !== 'cancelled' &&
        doc.id !== query.excludeId &&
        doc.startTime.getTime() < query.to.getTime() &&
        doc.endTime.getTime() > query.from.getTime() &&
        (panelOf(doc).some((id) => query.interviewerIds.includes(id)) || (query.candidateEmail !== null && doc.candidateEmail === query.candidateEmail)),
    );
    matches.sort((a, b) => a.startTime.getTime() - b.startTime.getTime() || binaryOrder(a.id, b.id));
    return cloneDocument(matches.slice(0, query.limit));
  }

  async updateDetails(id: string, changes: Partial<InterviewDetails>, options: { bumpRevision: boolean; now: Date }): Promise<InterviewRecord | null> {
    const doc = this.documents.get(id);
    if (!doc || doc.status === 'cancelled') return null;
    const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<InterviewDetails>;
    this.index(doc, false);
    Object.assign(doc, structuredClone(defined));
    this.index(doc, true);
    doc.endTime = interviewEndTime(doc.startTime, doc.durationMinutes);
    doc.updatedAt = new Date(options.now);
    if (options.bumpRevision) {
      doc.revision += 1;
      owePending(doc, options.now);
    }
    return cloneDocument(doc);
  }

  async changePanel(id: string, interviewerIds: string[], options: { moveMeeting: boolean; now: Date }): Promise<InterviewRecord | null> {
    const doc = this.documents.get(id);
    if (!doc || doc.status === 'cancelled' || interviewerIds.length === 0) return null;
    this.index(doc, false);
    doc.interviewerIds = [...interviewerIds];
    doc.interviewerId = interviewerIds[0]!;
    this.index(doc, true);
    const { meeting } = doc;
    if (options.moveMeeting && meeting.zoomMeetingId && meeting.hostSource && !meeting.previousMeeting) {
      meeting.previousMeeting = { zoomMeetingId: meeting.zoomMeetingId, hostSource: meeting.hostSource, hostInterviewerId: meeting.hostInterviewerId ?? null, hostZoomUserId: meeting.hostZoomUserId, joinUrl: meeting.joinUrl };
      this.changeMeeting(doc, { zoomMeetingId: null, joinUrl: null, password: null, rehostReason: null, pendingAction: 'create' });
    }
    doc.updatedAt = new Date(options.now);
    doc.revision += 1;
    owePending(doc, options.now);
    return cloneDocument(doc);
  }

  async cancel(id: string, now: Date): Promise<InterviewRecord | null> {
    const doc = this.documents.get(id);
    if (!doc || doc.status === 'cancelled') return null;
    doc.status = 'cancelled';
    doc.updatedAt = new Date(now);
    doc.revision += 1;
    owePending(doc, now);
    return cloneDocument(doc);
  }

  async claim(id: string, owner: string, expiresAt: Date, now: Date): Promise<InterviewRecord | null> {
    const doc = this.documents.get(id);
    const serverNow = this.serverNow();
    if (!doc || !claimFree(doc.meeting, serverNow)) return null;
    doc.meeting.claimedBy = owner;
    doc.meeting.claimExpiresAt = claimExpiry(expiresAt, now, serverNow);
    return cloneDocument(doc);
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
    return cloneDocument(doc);
  }

  async patchMeeting(id: string, owner: string, patch: MeetingPatch): Promise<InterviewRecord | null> {
    const doc = this.documents.get(id);
    if (!doc || doc.meeting.claimedBy !== owner) return null;
    this.refuseTakenMeetingId(doc, patch);
    this.changeMeeting(doc, definedFields(patch));
    return cloneDocument(doc);
  }

  async release(id: string, owner: string, revision: number, patch: MeetingPatch, recorded: MeetingPatch = {}): Promise<InterviewRecord | null> {
    const doc = this.documents.get(id);
    if (!doc || doc.meeting.claimedBy !== owner) return null;
    if (doc.revision === revision) {
      const both = { ...definedFields(recorded), ...definedFields(patch) };
      this.refuseTakenMeetingId(doc, both);
      this.changeMeeting(doc, both);
    } else {
      this.refuseTakenMeetingId(doc, recorded);
      this.changeMeeting(doc, definedFields(recorded));
      owePending(doc, new Date());
    }
    doc.meeting.claimedBy = null;
    doc.meeting.claimExpiresAt = null;
    return cloneDocument(doc);
  }

  async countMeetingHosts(since: Date): Promise<MeetingHostCount[]> {
    const counts = new Map<string, MeetingHostCount>();
    for (const doc of this.documents.values()) {
      const { hostSource, hostReason, createdInZoomAt } = doc.meeting;
      if (!hostSource || !createdInZoomAt || createdInZoomAt < since || doc.status === 'cancelled') continue;
      // A panel's meeting counts for the member whose own account hosts it (the first, on the organisation's).
      const interviewerId = hostSource === 'interviewer' ? hostInterviewerOf(doc) : doc.interviewerId;
      const key = JSON.stringify([interviewerId, hostSource, hostReason]);
      const row = counts.get(key) ?? { interviewerId, hostSource, hostReason, count: 0 };
      row.count += 1;
      counts.set(key, row);
    }
    return [...counts.values()];
  }

  async findByZoomMeetingId(zoomMeetingId: string): Promise<InterviewRecord | null> {
    const doc = [...this.documents.values()].find((candidate) => candidate.meeting.zoomMeetingId === zoomMeetingId);
    return doc ? cloneDocument(doc) : null;
  }

  async isZoomMeetingTaken(zoomMeetingId: string, exceptInterviewId?: string): Promise<boolean> {
    const holder = this.liveMeetings.get(zoomMeetingId);
    return holder !== undefined && holder !== exceptInterviewId;
  }

  /** The partial unique index of MongoDB: one live (not deleted in Zoom) interview per Zoom meeting id. */
  private refuseTakenMeetingId(doc: InterviewRecord, patch: MeetingPatch): void {
    const meetingId = patch.zoomMeetingId === undefined ? doc.meeting.zoomMeetingId : patch.zoomMeetingId;
    const deleted = patch.deletedInZoom ?? doc.meeting.deletedInZoom;
    if (meetingId === null || deleted) return;
    const holder = this.liveMeetings.get(meetingId);
    if (holder !== undefined && holder !== doc.id) throw new ZoomMeetingTakenError(meetingId);
  }

  async listWaitingForFallbackHost(now: Date, limit: number): Promise<InterviewRecord[]> {
    const waiting = [...this.documents.values()].filter(
      (doc) => doc.status === 'scheduled' && doc.meeting.status === 'failed' && doc.meeting.lastError?.code === NO_FALLBACK_HOST_FREE && doc.startTime.getTime() > now.getTime(),
    );
    waiting.sort((a, b) => a.startTime.getTime() - b.startTime.getTime() || binaryOrder(a.id, b.id));
    return cloneDocument(waiting.slice(0, limit));
  }

  async markForRehost(requests: RehostRequest[], now: Date): Promise<string[]> {
    const reasons = new Map(requests.map((request) => [request.interviewerId, request.reason]));
    const queued: string[] = [];
    for (const doc of this.documents.values()) {
      // The member whose own account hosts it: on a panel that may not be the first.
      const reason = reasons.get(hostInterviewerOf(doc));
      const { meeting } = doc;
      if (!reason || doc.status !== 'scheduled' || doc.endTime < now || meeting.hostSource !== 'interviewer' || !meeting.zoomMeetingId || meeting.previousMeeting) continue;
      meeting.previousMeeting = { zoomMeetingId: meeting.zoomMeetingId, hostSource: meeting.hostSource, hostInterviewerId: meeting.hostInterviewerId ?? null, hostZoomUserId: meeting.hostZoomUserId, joinUrl: meeting.joinUrl };
      this.changeMeeting(doc, { zoomMeetingId: null, joinUrl: null, password: null, rehostReason: reason, pendingAction: 'create' });
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
