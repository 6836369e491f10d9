import { Schema, type Connection, type Model } from 'mongoose';

export interface InvitationDocument {
  /** The interview id. */
  _id: string;
  uid: string;
  sequence: number;
  method: 'REQUEST' | 'CANCEL';
  fingerprint: string;
  updatedAt: Date;
}

export function invitationModel(connection: Connection): Model<InvitationDocument> {
  const schema = new Schema<InvitationDocument>(
    {
      _id: { type: String, required: true },
      uid: { type: String, required: true },
      sequence: { type: Number, required: true },
      method: { type: String, enum: ['REQUEST', 'CANCEL'], required: true },
      fingerprint: { type: String, required: true },
      updatedAt: { type: Date, required: true },
    },
    { collection: 'interview_invitations', versionKey: false },
  );
  return connection.models.InterviewInvitation ?? connection.model<InvitationDocument>('InterviewInvitation', schema);
}
