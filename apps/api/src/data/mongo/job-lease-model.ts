import { Schema, type Connection, type Model } from 'mongoose';

export interface JobLeaseDocument {
  _id: string;
  owner: string;
  expiresAt: Date;
}

export function jobLeaseModel(connection: Connection): Model<JobLeaseDocument> {
  const schema = new Schema<JobLeaseDocument>(
    {
      _id: { type: String, required: true },
      owner: { type: String, required: true },
      expiresAt: { type: Date, required: true },
    },
    { collection: 'job_leases', versionKey: false },
  );
  return connection.models.JobLease ?? connection.model<JobLeaseDocument>('JobLease', schema);
}
