import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { loginRequestSchema, type LoginRequest, type PublicUser } from '@crm/shared/auth';
import { FormField } from '../../../components/form-field';
import { Notice } from '../../../components/notice';
import { ApiError } from '../../../lib/api-client';
import { resolverWithFieldMessages } from '../../../lib/resolver-with-field-messages';
import { useSession } from './session-provider';

const resolver = resolverWithFieldMessages(zodResolver(loginRequestSchema), {
  email: 'Enter your email address, like name@example.com.',
  password: 'Enter your password.',
});

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
  const [error, setError] = useState<unknown>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<LoginRequest>({ resolver, defaultValues: { email: '', password: '' } });

  async function onValid(credentials: LoginRequest) {
    setError(null);
    try {
      onSignedIn(await signIn(credentials));
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <form className="form" onSubmit={handleSubmit(onValid)} noValidate aria-label="Sign in">
      {error !== null && <Notice tone="error">{signInMessage(error)}</Notice>}
      <FormField id={emailId} label="Email" error={errors.email?.message} announce>
        {(control) => <input {...control} type="email" autoComplete="username" required {...register('email')} />}
      </FormField>
      <FormField id={passwordId} label="Password" error={errors.password?.message} announce>
        {(control) => <input {...control} type="password" autoComplete="current-password" required {...register('password')} />}
      </FormField>
      <button type="submit" className="button button-primary" disabled={isSubmitting}>
        {isSubmitting ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
