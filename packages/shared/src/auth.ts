import { z } from 'zod';
import type { Endpoint } from './endpoint';
import { plainText } from './plain-text';

export const ROLES = ['interviewer', 'recruiter', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Header the web app sends on every state-changing request, echoing the session's `csrfToken` (from the sign-in response). */
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_COOKIE = 'crm_session';

const email = z.string().trim().max(254).pipe(z.email()).transform((value) => value.toLowerCase());

export const loginRequestSchema = z.strictObject({
  email,
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const publicUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: roleSchema,
  /** False once an admin deactivated the account: it cannot sign in and its sessions have ended. */
  active: z.boolean(),
  createdAt: z.string(),
});
export type PublicUser = z.infer<typeof publicUserSchema>;

export const sessionResponseSchema = z.object({
  user: publicUserSchema,
  /** ISO time the session cookie stops being accepted, so the web app can send the user back to sign-in. */
  expiresAt: z.string(),
  csrfToken: z.string(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const createUserRequestSchema = z.strictObject({
  name: plainText({ min: 1, max: 120 }),
  email,
  role: roleSchema,
  password: z.string().min(12, 'Use at least 12 characters').max(200),
});
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

export const userListResponseSchema = z.object({ users: z.array(publicUserSchema) });
export type UserListResponse = z.infer<typeof userListResponseSchema>;

export const createUserResponseSchema = z.object({ user: publicUserSchema });
export type CreateUserResponse = z.infer<typeof createUserResponseSchema>;

export const changePasswordRequestSchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(12, 'Use at least 12 characters').max(200),
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

export const changeRoleRequestSchema = z.strictObject({ role: roleSchema });
export type ChangeRoleRequest = z.infer<typeof changeRoleRequestSchema>;

export const userResponseSchema = z.object({ user: publicUserSchema });
export type UserResponse = z.infer<typeof userResponseSchema>;

/** A CRM user id in a path, e.g. `/api/admin/users/:id/zoom/disconnect`. */
export const userIdParamsSchema = z.object({ id: z.string().min(1).max(100) });

// ---------------------------------------------------------------------------------------------
// Single sign-on (OpenID Connect)

export const authMethodsResponseSchema = z.object({
  /** False when PASSWORD_LOGIN=false: only SSO signs in. */
  password: z.boolean(),
  /** True when OIDC_ISSUER_URL and the client are configured. */
  sso: z.boolean(),
});
export type AuthMethodsResponse = z.infer<typeof authMethodsResponseSchema>;

/** Why an SSO sign-in was refused; the login page explains each. */
export const SSO_ERRORS = ['sso_not_configured', 'sso_failed', 'sso_cancelled', 'sso_not_mapped', 'sso_email_unverified', 'account_deactivated', 'sso_unavailable'] as const;
export const ssoErrorSchema = z.enum(SSO_ERRORS);
export type SsoError = z.infer<typeof ssoErrorSchema>;
/** Query parameter of `/login` naming the SsoError. */
export const SSO_ERROR_PARAM = 'sso_error';

/** Unusable values read as null: the callback always ends on a page, never a raw error. */
const ssoCallbackParam = z.string().min(1).max(4096).nullable().catch(null);
export const ssoCallbackQuerySchema = z.object({ state: ssoCallbackParam, code: ssoCallbackParam, error: ssoCallbackParam });

export const ssoLogoutResponseSchema = z.object({ redirectTo: z.string().nullable() });
export type SsoLogoutResponse = z.infer<typeof ssoLogoutResponseSchema>;

export const authEndpoints = {
  login: { method: 'POST', path: '/api/auth/login', body: loginRequestSchema, response: sessionResponseSchema },
  /** 204, clears the session cookie. */
  logout: { method: 'POST', path: '/api/auth/logout' },
  me: { method: 'GET', path: '/api/auth/me', response: sessionResponseSchema },
  listUsers: { method: 'GET', path: '/api/admin/users', response: userListResponseSchema },
  /** 201. */
  createUser: { method: 'POST', path: '/api/admin/users', body: createUserRequestSchema, response: createUserResponseSchema },
  /** 204: ends every session of the caller (all browsers and devices), this one included, and clears the cookie. */
  signOutEverywhere: { method: 'POST', path: '/api/auth/sign-out-everywhere' },
  /** Ends every other session; this browser gets a new session cookie. */
  changePassword: { method: 'POST', path: '/api/auth/password', body: changePasswordRequestSchema, response: sessionResponseSchema },
  /** Ends the user's sessions (they sign in again with the new role). */
  changeUserRole: { method: 'PUT', path: '/api/admin/users/:id/role', params: userIdParamsSchema, body: changeRoleRequestSchema, response: userResponseSchema },
  /** Ends the user's sessions, refuses their sign-in and disconnects (revokes) their Zoom account. */
  deactivateUser: { method: 'POST', path: '/api/admin/users/:id/deactivate', params: userIdParamsSchema, response: userResponseSchema },
  reactivateUser: { method: 'POST', path: '/api/admin/users/:id/reactivate', params: userIdParamsSchema, response: userResponseSchema },
  /** Which sign-in methods the login page offers (public). */
  authMethods: { method: 'GET', path: '/api/auth/methods', response: authMethodsResponseSchema },
  /** A redirect to the identity provider (state, nonce and PKCE bound to this browser by a signed cookie). */
  ssoStart: { method: 'GET', path: '/api/auth/sso/start' },
  /** The identity provider's redirect back: a redirect to the app signed in, or to `/login?sso_error=<SsoError>`. */
  ssoCallback: { method: 'GET', path: '/api/auth/sso/callback', query: ssoCallbackQuerySchema },
  /** Ends the CRM session like `logout`; `redirectTo` is the provider's end-session URL when the session came from SSO. */
  ssoLogout: { method: 'POST', path: '/api/auth/sso/logout', response: ssoLogoutResponseSchema },
} as const satisfies Record<string, Endpoint>;
