import type { SimulatedZoomUser } from './simulated-zoom-user';

/** Fixed ids shaped like Zoom's 22-character user ids, so tests and seeds can refer to them. */
export const DEFAULT_SIMULATED_USERS: SimulatedZoomUser[] = [
  { id: 'WHpYUN_8_Rti7ttL9XXegA', email: 'zoom-admin@example.com', firstName: 'Org', lastName: 'Admin', accountId: 'sim-account-001', timezone: 'America/New_York' },
  { id: 'crZ3gYdV3xzxEDLx5JdaBw', email: 'interviewer@example.com', firstName: 'Ivy', lastName: 'Interviewer', accountId: 'sim-account-001', timezone: 'America/New_York' },
  { id: 'QLRAJ7448h4Qj89sCEE3hw', email: 'interviewer2@example.com', firstName: 'Ian', lastName: 'Second', accountId: 'sim-account-001', timezone: 'Europe/London' },
  { id: 'zF4ip2X-970UXw4W3pQobg', email: 'interviewer3@example.com', firstName: 'Iris', lastName: 'Third', accountId: 'sim-account-001', timezone: 'America/Los_Angeles' },
  { id: '2FpTQrwrpGFpo5QBIiHTyg', email: 'recruiter@example.com', firstName: 'Rita', lastName: 'Recruiter', accountId: 'sim-account-001', timezone: 'America/New_York' },
  { id: '-FkI-Afk6KA0XuBedW0Rnw', email: 'freelancer@outside.example', firstName: 'Felix', lastName: 'Freelancer', accountId: 'sim-account-external', timezone: 'Europe/Berlin' },
];
