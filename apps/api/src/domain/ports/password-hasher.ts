/** Password hashing as sign-in and user creation need it; implemented in src/security. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, hash: string): Promise<boolean>;
  /** A hash checked when the email is unknown, so both failures take the same time. */
  decoyHash(): Promise<string>;
}
