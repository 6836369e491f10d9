import mongoose, { type Model } from 'mongoose';
import { interviewModel, type InterviewDocument } from './interview-model';

/**
 * Interviews saved before panels have only `interviewerId`: their panel is that one interviewer, and a
 * meeting on an interviewer's account is theirs. Lists and conflict checks query `interviewerIds`, so
 * `pnpm --filter @crm/api migrate` writes both (idempotent: only documents still lacking them change).
 */
export async function backfillInterviewPanels(model: Model<InterviewDocument>): Promise<{ panels: number; hosts: number }> {
  const panels = await model.updateMany({ interviewerIds: { $exists: false } }, [{ $set: { interviewerIds: ['$interviewerId'] } }]);
  const hosts = await model.updateMany({ 'meeting.hostSource': 'interviewer', 'meeting.hostInterviewerId': { $exists: false } }, [
    { $set: { 'meeting.hostInterviewerId': '$interviewerId' } },
  ]);
  return { panels: panels.modifiedCount, hosts: hosts.modifiedCount };
}

/** Connects to `uri` and runs the backfill (the migrate command's step). */
export async function backfillInterviewPanelsAt(uri: string): Promise<{ panels: number; hosts: number }> {
  const timeout = /[?&]serverSelectionTimeoutMS=/i.test(uri) ? {} : { serverSelectionTimeoutMS: 10_000 };
  const connection = await mongoose.createConnection(uri, { autoIndex: false, autoCreate: false, bufferCommands: false, ...timeout }).asPromise();
  try {
    return await backfillInterviewPanels(interviewModel(connection));
  } finally {
    await connection.close();
  }
}
