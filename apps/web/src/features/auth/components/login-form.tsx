import { useId, useState, type FormEvent } from 'react';
import type { PublicUser } from '@crm/shared/auth';
import { ApiError } from '../../../lib/api-client';
import { Notice } from '../../../components/notice';
import { useSession } from './session-provider';

function signInMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'invalid_credentials') return 'That email and password do not match an account.';
    if (error.code === 'rate_limited') return 'Too many sign-in attempts. Wait a few minutes and try again.';
    if (error.code === 'validation_failed') return 'Enter a valid email address and your password.';
    return error.message;
  }
  return 'Could not sign in. Try again.';
}

export function LoginForm({ onSignedIn }: { onSignedIn: (user: PublicUser) => void }) {
  const { signIn } = useSession();
  const emailId = useId();
  const passwordId = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    try {
      const user = await signIn({ email: email.trim(), password });
      onSignedIn(user);
    } catch (caught) {
      setError(caught);
      setSubmitting(false);
    }
  }

  return (
    <form className="form" onSubmit={onSubmit} aria-label="Sign in">
      {error !== null && <Notice tone="error">{signInMessage(error)}</Notice>}
      <div className="field">
        <label htmlFor={emailId}>Email</label>
        <input
          id={emailId}
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={passwordId}>Password</label>
        <input
          id={passwordId}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
      </div>
      <button type="submit" className="button button-primary" disabled={submitting}>
        {submitting ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
