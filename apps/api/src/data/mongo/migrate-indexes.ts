import mongoose from 'mongoose';
import { createDeclaredIndexes, mongoModels } from './mongo-models';

/** Connects, creates the declared indexes MongoDB lacks (never dropping one), and reports what is declared. */
export async function migrateIndexes(uri: string): Promise<{ collection: string; indexes: string[] }[]> {
  const timeout = /[?&]serverSelectionTimeoutMS=/i.test(uri) ? {} : { serverSelectionTimeoutMS: 10_000 };
  const connection = await mongoose.createConnection(uri, { autoIndex: false, autoCreate: false, bufferCommands: false, ...timeout }).asPromise();
  try {
    return await createDeclaredIndexes(mongoModels(connection));
  } finally {
    await connection.close();
  }
}
