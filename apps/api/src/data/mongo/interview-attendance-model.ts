import { Schema, type Connection, type Model } from 'mongoose';
import type { InterviewAttendance } from '../../domain/ports/interview-attendance-repository';

export type InterviewAttendanceDocument = Omit<InterviewAttendance, 'interviewId'> & { _id: string };

export function interviewAttendanceModel(connection: Connection): Model<InterviewAttendanceDocument> {
  const session = new Schema(
    {
      participantKey: { type: String, required: true },
      name: { type: String, required: true },
      email: { type: String, default: null },
      role: { type: String, enum: ['host', 'candidate', 'other'], required: true },
      matchedBy: { type: String, enum: ['email', 'name', null], default: null },
      joinedAt: { type: Date, required: true },
      leftAt: { type: Date, default: null },
    },
    { _id: false },
  );
  const notice = new Schema(
    {
      kind: { type: String, enum: ['changed_in_zoom', 'deleted_in_zoom'], required: true },
      at: { type: Date, required: true },
      by: { type: String, default: null },
      changes: { type: [new Schema({ field: String, from: { type: String, default: null }, to: String }, { _id: false })], default: [] },
    },
    { _id: false },
  );
  const schema = new Schema<InterviewAttendanceDocument>(
    {
      // The interview id: one attendance per interview.
      _id: { type: String, required: true },
      zoomMeetingId: { type: String, required: true },
      startedAt: { type: Date, default: null },
      endedAt: { type: Date, default: null },
      hostJoinedAt: { type: Date, default: null },
      candidateJoinedAt: { type: Date, default: null },
      candidateMatchedBy: { type: String, enum: ['email', 'name', null], default: null },
      candidateWaitingSince: { type: Date, default: null },
      sessions: { type: [session], default: [] },
      zoomNotices: { type: [notice], default: [] },
      updatedAt: { type: Date, required: true },
      version: { type: Number, required: true },
    },
    { collection: 'interview_attendance', versionKey: false },
  );
  return connection.models.InterviewAttendance ?? connection.model<InterviewAttendanceDocument>('InterviewAttendance', schema);
}
