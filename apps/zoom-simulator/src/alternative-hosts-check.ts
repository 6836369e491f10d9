import type { SimulatedZoomUser } from './simulated-zoom-user';
import type { UserDirectory } from './state/user-directory';
import type { ZoomRestError } from './zoom-error-bodies';

/** Zoom's code for an alternative host that is not a licensed user on the host's account (HTTP 400). */
export const INVALID_ALTERNATIVE_HOST_CODE = 1114;

/**
 * Zoom accepts as `settings.alternative_hosts` (emails separated by ";" or ",") only licensed users on
 * the host's own account: anyone else refuses the whole create or update, naming them. Every simulated
 * user is licensed, so "same account" is the test. Null when the list is absent, empty or all acceptable.
 */
export function refusedAlternativeHosts(settings: Record<string, unknown> | undefined, host: SimulatedZoomUser, users: UserDirectory): ZoomRestError | null {
  const value = settings?.alternative_hosts;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const emails = value.split(/[;,]/).map((email) => email.trim()).filter((email) => email !== '');
  const refused = emails.filter((email) => users.byIdOrEmail(email)?.accountId !== host.accountId);
  if (refused.length === 0) return null;
  return { code: INVALID_ALTERNATIVE_HOST_CODE, message: `Invalid alternative host: ${refused.join(', ')} cannot be added because they are not licensed users on this account.` };
}
