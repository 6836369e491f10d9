import { Schema, type Connection, type Model } from 'mongoose';

export interface CachedSecretDocument {
  /** e.g. "zoom-s2s:<account id>" */
  _id: string;
  /** TokenCipher envelope: the plaintext never reaches the database. */
  envelope: string;
  expiresAt: Date;
}

export function cachedSecretModel(connection: Connection): Model<CachedSecretDocument> {
  const schema = new Schema<CachedSecretDocument>(
    {
      _id: { type: String, required: true },
      envelope: { type: String, required: true },
      expiresAt: { type: Date, required: true },
    },
    { collection: 'cached_secrets', versionKey: false },
  );
  // MongoDB drops expired tokens by itself (the TTL monitor runs about once a minute).
  schema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
  return connection.models.CachedSecret ?? connection.model<CachedSecretDocument>('CachedSecret', schema);
}
