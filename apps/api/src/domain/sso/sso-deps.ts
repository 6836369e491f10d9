import type { AuditRepository } from '../ports/audit-repository';
import type { Clock } from '../ports/clock';
import type { IdentityProvider } from '../ports/identity-provider';
import type { PasswordHasher } from '../ports/password-hasher';
import type { UserRepository } from '../ports/user-repository';
import type { SsoRoleMapping } from './map-sso-role';

export interface SsoDeps {
  /** Null when OIDC is not configured. */
  provider: IdentityProvider | null;
  users: UserRepository;
  audit: AuditRepository;
  passwords: Pick<PasswordHasher, 'hash'>;
  roles: SsoRoleMapping;
  clock: Clock;
}
