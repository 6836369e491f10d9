import { createUserRequestSchema, loginRequestSchema } from '../src/auth';

describe('signing in and creating users', () => {
  test('when an email is typed with capitals and spaces, it is compared lower-cased and trimmed', () => {
    expect(loginRequestSchema.parse({ email: '  Ada@Example.COM ', password: 'secret-1' }).email).toBe('ada@example.com');
  });

  test('when the email is not an address, sign-in is refused before any lookup', () => {
    expect(loginRequestSchema.safeParse({ email: 'ada', password: 'secret-1' }).success).toBe(false);
  });

  test('when a new user is given a role that does not exist, it is refused', () => {
    const result = createUserRequestSchema.safeParse({ name: 'Ada', email: 'ada@example.com', password: 'a long password', role: 'owner' });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['role']]);
  });

  test('when a new user is given a password shorter than 12 characters, the message says how long it must be', () => {
    const result = createUserRequestSchema.safeParse({ name: 'Ada', email: 'ada@example.com', password: 'short', role: 'interviewer' });
    expect(result.error?.issues[0]?.message).toBe('Use at least 12 characters');
  });
});
