import mongoose from 'mongoose';
import type { Store } from '../../domain/ports/store';
import { auditModel } from './audit-model';
import { MongoAuditRepository } from './mongo-audit-repository';
import { MongoUserRepository } from './mongo-user-repository';
import { userModel } from './user-model';

export async function createMongoStore(uri: string): Promise<Store> {
  const connection = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 5000 }).asPromise();
  const users = userModel(connection);
  const audit = auditModel(connection);
  await Promise.all([users.syncIndexes(), audit.syncIndexes()]);
  return {
    kind: 'mongodb',
    users: new MongoUserRepository(users),
    audit: new MongoAuditRepository(audit),
    async ping() {
      await connection.db?.admin().ping();
    },
    async close() {
      await connection.close();
    },
  };
}
