import { useId, useState, type FormEvent } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { loginRequestSchema, type LoginRequest, type PublicUser } from '@crm/shared/auth';
import { FormField } from '../../../components/form-field';
import { Notice } from '../../../components/notice';
import { ApiError } from '../../../lib/api-client';
import { resolverWithFieldMessages } from '../../../lib/resolver-with-field-messages';
import { useSession } from './session-provider';
import { useAuthMethods } from '../api/get-auth-methods';

const resolver = resolverWithFieldMessages(zodResolver(loginRequestSchema), {
  email: 'Enter your email address, like name@example.com.',
  password: 'Enter your password.',
});

function signInMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'invalid_credentials') return 'That email and password do not match an account.';
    if (error.code === 'account_deactivated') return 'This account has been deactivated. Ask an administrator to reactivate it.';
    if (error.code === 'rate_limited') return 'Too many sign-in attempts. Wait a few minutes and try again.';
    if (error.code === 'validation_failed') return 'Enter a valid email address and your password.';
    if (error.code === 'csrf_failed') {
      return 'The server did not accept sign-in from this address. Open the app at the address your organisation gave you, or ask an administrator to allow this one.';
    }
    if (error.code === 'network_error') return 'Could not reach the server. Check your connection and try again.';
    if (error.status >= 500 || error.code === 'unexpected_response') return 'Sign-in is not available right now. Try again in a moment.';
  }
  return 'Could not sign in. Try again.';
}

/** Errors that say the email or password is wrong, so both fields are marked and described by it. */
function concernsFields(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'invalid_credentials' || error.code === 'validation_failed');
}

export function LoginForm({ onSignedIn }: { onSignedIn: (user: PublicUser) => void }) {
  const { signIn } = useSession();
  const emailId = useId();
  const passwordId = useId();
  const errorId = useId();
  const [error, setError] = useState<unknown>(null);
  const {
    register,
    handleSubmit,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<LoginRequest>({ resolver, defaultValues: { email: '', password: '' } });
  const fieldErrorId = error !== null && concernsFields(error) ? errorId : undefined;
  // PASSWORD_LOGIN=false: only "Sign in with SSO" remains.
  const passwordLogin = useAuthMethods().data?.password ?? true;

  async function onValid(credentials: LoginRequest) {
    setError(null);
    try {
      onSignedIn(await signIn(credentials));
    } catch (caught) {
      setError(caught);
      // Back to the first field, which now reads out as invalid with the reason.
      if (concernsFields(caught)) setFocus('email');
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (isSubmitting) {
      event.preventDefault();
      return;
    }
    void handleSubmit(onValid)(event);
  }

  if (!passwordLogin) return null;
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Sign in">
      {error !== null && (
        <div id={errorId}>
          <Notice tone="error">
            <p>{signInMessage(error)}</p>
          </Notice>
        </div>
      )}
      <FormField id={emailId} label="Email" error={errors.email?.message} formErrorId={fieldErrorId} announce>
        {(control) => <input {...control} type="email" autoComplete="username" required {...register('email')} />}
      </FormField>
      <FormField id={passwordId} label="Password" error={errors.password?.message} formErrorId={fieldErrorId} announce>
        {(control) => <input {...control} type="password" autoComplete="current-password" required {...register('password')} />}
      </FormField>
      {/* aria-disabled, not disabled, while signing in: a disabled button drops keyboard focus to <body>. */}
      <button type="submit" className="button button-primary" aria-disabled={isSubmitting || undefined}>
        {isSubmitting ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
