import { Schema, type Connection, type Model } from 'mongoose';

export interface OAuthStateDocument {
  _id: string;
  userId: string;
  browserBindingHash: string;
  codeVerifier: string;
  createdAt: Date;
  expiresAt: Date;
}

export function oauthStateModel(connection: Connection): Model<OAuthStateDocument> {
  const schema = new Schema<OAuthStateDocument>(
    {
      _id: { type: String, required: true },
      userId: { type: String, required: true },
      browserBindingHash: { type: String, required: true },
      codeVerifier: { type: String, required: true },
      createdAt: { type: Date, required: true },
      expiresAt: { type: Date, required: true },
    },
    { collection: 'oauth_states', versionKey: false },
  );
  // MongoDB deletes abandoned attempts once they expire; consumeOnce also refuses them before that runs.
  schema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
  return connection.models.OAuthState ?? connection.model<OAuthStateDocument>('OAuthState', schema);
}
