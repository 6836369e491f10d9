import { z } from 'zod';
import type { Endpoint } from './endpoint';
import { publicUserSchema, roleSchema, userIdParamsSchema } from './auth';
import { plainText } from './plain-text';

const email = z.string().trim().max(254).pipe(z.email()).transform((value) => value.toLowerCase());

export const inviteUserRequestSchema = z.strictObject({
  name: plainText({ min: 1, max: 120 }),
  email,
  role: roleSchema,
  /** True: no email, the person signs in with SSO only. False: an email with a one-time set-password link. */
  ssoOnly: z.boolean().default(false),
});
export type InviteUserRequest = z.input<typeof inviteUserRequestSchema>;

export const inviteUserResponseSchema = z.object({
  user: publicUserSchema,
  /** Whether a set-password email was queued (false for SSO-only invitations). */
  emailQueued: z.boolean(),
});
export type InviteUserResponse = z.infer<typeof inviteUserResponseSchema>;

export const setPasswordRequestSchema = z.strictObject({
  token: z.string().min(20).max(400),
  password: z.string().min(12, 'Use at least 12 characters').max(200),
});
export type SetPasswordRequest = z.infer<typeof setPasswordRequestSchema>;

export const userEndpoints = {
  /** 201: creates the account (no usable password yet) and, unless SSO-only, emails a 7-day set-password link. */
  inviteUser: { method: 'POST', path: '/api/admin/users/invite', body: inviteUserRequestSchema, response: inviteUserResponseSchema },
  /** A new set-password link; every earlier link of this user stops working. */
  resendInvite: { method: 'POST', path: '/api/admin/users/:id/resend-invite', params: userIdParamsSchema, response: inviteUserResponseSchema },
  /** 204: the link's one use; the person then signs in with the new password. */
  setPassword: { method: 'POST', path: '/api/auth/set-password', body: setPasswordRequestSchema },
} as const satisfies Record<string, Endpoint>;
