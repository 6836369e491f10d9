import { Schema, type Connection, type Model } from 'mongoose';
import { ROLES } from '@crm/shared/auth';
import { ZOOM_CONNECTION_STATES } from '@crm/shared/zoom-connection';

export interface UserDocument {
  _id: string;
  name: string;
  email: string;
  emailLower: string;
  /** Name, its words and the email, lower-cased: what type-ahead searches (absent on users created before it). */
  searchKeys?: string[];
  role: (typeof ROLES)[number];
  passwordHash: string;
  createdAt: Date;
  active: boolean;
  sessionVersion: number;
  // The design note's fields. Token values are encrypted envelopes, never plaintext.
  zoomAccessToken: string | null;
  zoomRefreshToken: string | null;
  zoomTokenExpiry: Date | null;
  zoomUserId: string | null;
  zoomEmail: string | null;
  zoomConnected: boolean;
  zoomConnectedAt: Date | null;
  zoomAccountId: string | null;
  zoomConnectionState: (typeof ZOOM_CONNECTION_STATES)[number];
  zoomScopes: string[];
  zoomLastRefreshAt: Date | null;
  zoomLastProblem: string | null;
  // Refresh coordination: bumped on every token write (compare-and-swap), and a lease one process holds while refreshing.
  zoomTokenVersion: number;
  zoomRefreshLeaseOwner: string | null;
  zoomRefreshLeaseExpiresAt: Date | null;
  // A lapsed lease was taken over at this token version: its invalid_grant is ambiguous until `Until`.
  zoomRefreshContestedVersion: number | null;
  zoomRefreshContestedUntil: Date | null;
}

export function userModel(connection: Connection): Model<UserDocument> {
  const schema = new Schema<UserDocument>(
    {
      _id: { type: String, required: true },
      name: { type: String, required: true },
      email: { type: String, required: true },
      emailLower: { type: String, required: true },
      searchKeys: { type: [String], default: undefined },
      role: { type: String, enum: ROLES, required: true },
      passwordHash: { type: String, required: true, select: false },
      createdAt: { type: Date, required: true },
      active: { type: Boolean, default: true },
      sessionVersion: { type: Number, default: 0 },
      zoomAccessToken: { type: String, default: null, select: false },
      zoomRefreshToken: { type: String, default: null, select: false },
      zoomTokenExpiry: { type: Date, default: null },
      zoomUserId: { type: String, default: null },
      zoomEmail: { type: String, default: null },
      zoomConnected: { type: Boolean, default: false },
      zoomConnectedAt: { type: Date, default: null },
      zoomAccountId: { type: String, default: null },
      zoomConnectionState: { type: String, enum: ZOOM_CONNECTION_STATES, default: 'not_connected' },
      zoomScopes: { type: [String], default: [] },
      zoomLastRefreshAt: { type: Date, default: null },
      zoomLastProblem: { type: String, default: null },
      zoomTokenVersion: { type: Number, default: 0 },
      zoomRefreshLeaseOwner: { type: String, default: null },
      zoomRefreshLeaseExpiresAt: { type: Date, default: null },
      zoomRefreshContestedVersion: { type: Number, default: null },
      zoomRefreshContestedUntil: { type: Date, default: null },
    },
    { collection: 'users', versionKey: false },
  );
  schema.index({ emailLower: 1 }, { unique: true });
  // One Zoom user may back at most one CRM user.
  schema.index({ zoomUserId: 1 }, { unique: true, partialFilterExpression: { zoomUserId: { $type: 'string' } } });
  // The user list, whole or by role, in its sort order.
  schema.index({ createdAt: 1, email: 1 });
  schema.index({ role: 1, createdAt: 1, email: 1 });
  // The idle-refresh job: connected users, least recently refreshed first.
  schema.index({ zoomConnectionState: 1, zoomLastRefreshAt: 1, _id: 1 });
  // The connections table by state, in email order; the type-ahead (role + an anchored prefix of a search key).
  schema.index({ zoomConnectionState: 1, emailLower: 1 });
  schema.index({ role: 1, searchKeys: 1 });
  schema.index({ searchKeys: 1 });
  return connection.models.User ?? connection.model<UserDocument>('User', schema);
}
