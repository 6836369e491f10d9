import { randomBytes } from 'node:crypto';
import type { InviteUserRequest } from '@crm/shared/users';
import { AppError } from '../../errors/app-error';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { AuditRepository } from '../ports/audit-repository';
import type { Clock } from '../ports/clock';
import type { InviteTokenSigner } from '../ports/invite-token-signer';
import type { OutboxRepository } from '../ports/outbox-repository';
import type { PasswordHasher } from '../ports/password-hasher';
import type { RequestContext } from '../ports/request-context';
import { DuplicateEmailError, type UserRecord, type UserRepository } from '../ports/user-repository';

export const INVITE_TTL_MS = 7 * 24 * 60 * 60_000;

export interface InviteDeps {
  users: UserRepository;
  audit: AuditRepository;
  outbox: OutboxRepository;
  passwords: Pick<PasswordHasher, 'hash'>;
  invites: InviteTokenSigner;
  clock: Clock;
  /** Where the set-password page lives (the web app's origin). */
  webAppUrl: string;
}

async function actorOf(deps: InviteDeps, context: RequestContext) {
  const actor = context.actorUserId ? await deps.users.findById(context.actorUserId) : null;
  return { userId: context.actorUserId, email: actor?.email ?? null, kind: context.actorUserId ? ('user' as const) : ('system' as const) };
}

/** Queues the set-password email for the user's current session version (earlier links are void by then). */
export async function queueSetPasswordEmail(deps: InviteDeps, user: UserRecord, invitedBy: string | null): Promise<void> {
  const now = deps.clock.now();
  const token = deps.invites.sign({ userId: user.id, sessionVersion: user.sessionVersion, expiresAt: new Date(now.getTime() + INVITE_TTL_MS) });
  const link = new URL('/set-password', deps.webAppUrl);
  link.searchParams.set('token', token);
  const by = invitedBy ? `${invitedBy} invited you` : 'You are invited';
  await deps.outbox.enqueue(
    {
      idempotencyKey: `account-invite:${user.id}:${user.sessionVersion}`,
      interviewId: null,
      kind: 'account_invite',
      audience: 'user',
      sequence: user.sessionVersion,
      to: { name: user.name, email: user.email },
      subject: 'Your Interview CRM account: choose a password',
      text: `${by} to the Interview CRM as ${user.role}.\n\nChoose your password (the link works once, for 7 days):\n${link.toString()}\n`,
      html: `<p>${by} to the Interview CRM as ${user.role}.</p><p><a href="${link.toString()}">Choose your password</a> (the link works once, for 7 days).</p>`,
      attachments: [],
    },
    now,
  );
}

/**
 * Creates the account with no usable password; unless SSO-only, emails a one-time set-password link.
 * Audited as `user.invited`.
 */
export async function inviteUser(deps: InviteDeps, input: InviteUserRequest & { ssoOnly: boolean }, context: RequestContext): Promise<{ user: UserRecord; emailQueued: boolean }> {
  let user: UserRecord;
  try {
    user = await deps.users.create({ name: input.name, email: input.email, role: input.role, passwordHash: await deps.passwords.hash(randomBytes(32).toString('base64url')) });
  } catch (error) {
    if (error instanceof DuplicateEmailError) throw new AppError({ code: 'email_taken', status: 409, message: 'A user with this email already exists', cause: error });
    throw error;
  }
  const actor = await actorOf(deps, context);
  if (!input.ssoOnly) await queueSetPasswordEmail(deps, user, actor.userId ? ((await deps.users.findById(actor.userId))?.name ?? null) : null);
  await recordAuditEvent(deps.audit, {
    type: 'user.invited',
    actor,
    subject: { userId: user.id, email: user.email },
    context,
    details: { name: user.name, role: user.role, ssoOnly: input.ssoOnly },
    at: deps.clock.now(),
  });
  return { user, emailQueued: !input.ssoOnly };
}

/** A new link: bumping the session version voids every earlier one (and any session, which an invitee has none of). */
export async function resendInvite(deps: InviteDeps, userId: string, context: RequestContext): Promise<{ user: UserRecord; emailQueued: boolean }> {
  const existing = await deps.users.findById(userId);
  if (!existing) throw new AppError({ code: 'not_found', status: 404, message: 'No such user' });
  if (!existing.active) throw new AppError({ code: 'conflict', status: 409, message: 'Reactivate the account before sending it a link' });
  if (context.actorUserId === userId) throw new AppError({ code: 'cannot_change_own_account', status: 409, message: 'Change your own password in Account Settings' });
  const user = (await deps.users.changeAccount(userId, {}))!;
  const actor = await actorOf(deps, context);
  await queueSetPasswordEmail(deps, user, actor.userId ? ((await deps.users.findById(actor.userId))?.name ?? null) : null);
  await recordAuditEvent(deps.audit, { type: 'user.invite_resent', actor, subject: { userId: user.id, email: user.email }, context, details: { name: user.name }, at: deps.clock.now() });
  return { user, emailQueued: true };
}
