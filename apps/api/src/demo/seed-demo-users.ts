import type { Role } from '@crm/shared/auth';
import type { UserRepository } from '../domain/ports/user-repository';
import { hashPassword } from '../security/password-hashing';

export const DEMO_PASSWORD = 'demo-password-1';

export const DEMO_USERS: { name: string; email: string; role: Role }[] = [
  { name: 'Ada Admin', email: 'admin@example.com', role: 'admin' },
  { name: 'Rita Recruiter', email: 'recruiter@example.com', role: 'recruiter' },
  { name: 'Rob Recruiter', email: 'recruiter2@example.com', role: 'recruiter' },
  { name: 'Ivy Interviewer', email: 'interviewer@example.com', role: 'interviewer' },
  { name: 'Ian Second', email: 'interviewer2@example.com', role: 'interviewer' },
  { name: 'Iris Third', email: 'interviewer3@example.com', role: 'interviewer' },
];

/** Idempotent: users that already exist are left alone. */
export async function seedDemoUsers(users: UserRepository): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const demoUser of DEMO_USERS) {
    if (!(await users.findByEmail(demoUser.email))) await users.create({ ...demoUser, passwordHash });
  }
}
