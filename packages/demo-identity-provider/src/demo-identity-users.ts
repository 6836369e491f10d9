/** Who can sign in at the demo identity provider; every one shares the demo password. */
export interface DemoIdentityUser {
  /** The provider's stable subject (`sub`), never the email: emails change, subjects do not. */
  sub: string;
  email: string;
  name: string;
  groups: string[];
}

export const DEMO_IDENTITY_PASSWORD = 'demo-password-1';

/**
 * The CRM's demo users with the groups an organisation's directory would give them, plus one person the
 * CRM has never seen (provisioned on first sign-in) and one in no group the CRM maps (refused).
 */
export const DEMO_IDENTITY_USERS: readonly DemoIdentityUser[] = [
  { sub: 'idp-admin', email: 'admin@example.com', name: 'Ada Admin', groups: ['crm-admins'] },
  { sub: 'idp-recruiter', email: 'recruiter@example.com', name: 'Rita Recruiter', groups: ['crm-recruiters'] },
  { sub: 'idp-recruiter2', email: 'recruiter2@example.com', name: 'Rob Recruiter', groups: ['crm-recruiters'] },
  { sub: 'idp-interviewer', email: 'interviewer@example.com', name: 'Ivy Interviewer', groups: ['crm-interviewers'] },
  { sub: 'idp-interviewer2', email: 'interviewer2@example.com', name: 'Ian Second', groups: ['crm-interviewers'] },
  { sub: 'idp-interviewer3', email: 'interviewer3@example.com', name: 'Iris Third', groups: ['crm-interviewers'] },
  { sub: 'idp-new-interviewer', email: 'nina.newcomer@example.com', name: 'Nina Newcomer', groups: ['crm-interviewers'] },
  { sub: 'idp-contractor', email: 'contractor@example.com', name: 'Carl Contractor', groups: ['contractors'] },
];

/** The mapping the demo API is configured with (`OIDC_ROLE_MAPPING`). */
export const DEMO_ROLE_MAPPING = 'crm-admins:admin,crm-recruiters:recruiter,crm-interviewers:interviewer';
