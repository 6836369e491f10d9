import type { AuditRepository } from '../ports/audit-repository';
import type { Clock } from '../ports/clock';
import type { RequestContext } from '../ports/request-context';
import type { UserRepository } from '../ports/user-repository';
import { recordAuditEvent } from './record-audit-event';

/** The settings the audit names: the organisation's scheduling policy and transcript retention, a user's own meeting defaults. */
export type AuditedSetting = 'scheduling_policy' | 'transcript_retention' | 'meeting_defaults';

export type SettingChange = { field: string; from: unknown; to: unknown };

export interface SettingsAuditDeps {
  audit: AuditRepository;
  users: Pick<UserRepository, 'findById'>;
  clock: Clock;
}

/** Field by field, what differs between the settings before and after a save (flat objects of scalars). */
export function settingChanges(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>): SettingChange[] {
  return Object.keys(after)
    .filter((field) => before[field] !== after[field])
    .map((field) => ({ field, from: before[field] ?? null, to: after[field] }));
}

/**
 * One `settings.changed` event with every field's before → after, for a save that changed something (saving
 * the same values again tells no story). `subjectUserId` is whose settings they are, when they are a user's.
 */
export async function recordSettingsChange(
  deps: SettingsAuditDeps,
  change: { setting: AuditedSetting; before: Readonly<Record<string, unknown>>; after: Readonly<Record<string, unknown>>; subjectUserId?: string },
  context: RequestContext,
): Promise<void> {
  const changes = settingChanges(change.before, change.after);
  if (changes.length === 0) return;
  const actor = context.actorUserId ? await deps.users.findById(context.actorUserId) : null;
  const subject = change.subjectUserId ? (change.subjectUserId === actor?.id ? actor : await deps.users.findById(change.subjectUserId)) : null;
  await recordAuditEvent(deps.audit, {
    type: 'settings.changed',
    actor: { userId: context.actorUserId, email: actor?.email ?? null, kind: context.actorUserId ? 'user' : 'system' },
    subject: { userId: change.subjectUserId ?? null, email: subject?.email ?? null },
    context,
    details: { setting: change.setting, changes },
    at: deps.clock.now(),
  });
}
