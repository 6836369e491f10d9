import type { Model } from 'mongoose';
import type { AttendanceSession, InterviewAttendance, InterviewAttendanceRepository } from '../../domain/ports/interview-attendance-repository';
import type { InterviewAttendanceDocument } from './interview-attendance-model';

function toRecord(doc: InterviewAttendanceDocument): InterviewAttendance {
  return {
    interviewId: doc._id,
    zoomMeetingId: doc.zoomMeetingId,
    startedAt: doc.startedAt ?? null,
    endedAt: doc.endedAt ?? null,
    hostJoinedAt: doc.hostJoinedAt ?? null,
    candidateJoinedAt: doc.candidateJoinedAt ?? null,
    candidateMatchedBy: doc.candidateMatchedBy ?? null,
    candidateWaitingSince: doc.candidateWaitingSince ?? null,
    sessions: (doc.sessions ?? []).map(
      (s): AttendanceSession => ({
        participantKey: s.participantKey,
        name: s.name,
        email: s.email ?? null,
        role: s.role,
        matchedBy: s.matchedBy ?? null,
        joinedAt: s.joinedAt,
        leftAt: s.leftAt ?? null,
      }),
    ),
    zoomNotices: (doc.zoomNotices ?? []).map((n) => ({
      kind: n.kind,
      at: n.at,
      by: n.by ?? null,
      changes: (n.changes ?? []).map((c) => ({ field: c.field, from: c.from ?? null, to: c.to })),
    })),
    updatedAt: doc.updatedAt,
    version: doc.version,
  };
}

function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: number }).code === 11000;
}

export class MongoInterviewAttendanceRepository implements InterviewAttendanceRepository {
  constructor(private readonly model: Model<InterviewAttendanceDocument>) {}

  async find(interviewId: string): Promise<InterviewAttendance | null> {
    const doc = await this.model.findById(interviewId).lean<InterviewAttendanceDocument>();
    return doc ? toRecord(doc) : null;
  }

  async findMany(interviewIds: string[]): Promise<InterviewAttendance[]> {
    if (interviewIds.length === 0) return [];
    const docs = await this.model.find({ _id: { $in: interviewIds } }).lean<InterviewAttendanceDocument[]>();
    return docs.map(toRecord);
  }

  async save(next: Omit<InterviewAttendance, 'version'>, expectedVersion: number | null): Promise<boolean> {
    const { interviewId, ...fields } = next;
    if (expectedVersion === null) {
      try {
        await this.model.create({ _id: interviewId, ...fields, version: 1 });
        return true;
      } catch (error) {
        if (isDuplicateKey(error)) return false;
        throw error;
      }
    }
    const updated = await this.model.updateOne({ _id: interviewId, version: expectedVersion }, { $set: { ...fields, version: expectedVersion + 1 } });
    return updated.modifiedCount === 1;
  }
}
