import type { Role } from '@crm/shared/auth';

export interface SsoRoleMapping {
  mapping: { group: string; role: Role }[];
  /** Role of someone in no mapped group; null refuses them. */
  defaultRole: Role | null;
}

const RANK: Record<Role, number> = { interviewer: 0, recruiter: 1, admin: 2 };

/** The highest role any of the user's groups maps to, else the default; null means "not allowed in". */
export function mapSsoRole(groups: string[], roles: SsoRoleMapping): Role | null {
  const mapped = roles.mapping.filter((entry) => groups.includes(entry.group)).map((entry) => entry.role);
  if (mapped.length === 0) return roles.defaultRole;
  return mapped.reduce((best, role) => (RANK[role] > RANK[best] ? role : best));
}
