import { useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { type z } from 'zod';
import { setPasswordRequestSchema, userEndpoints } from '@crm/shared/users';
import { FormField } from '../../../components/form-field';
import { Notice } from '../../../components/notice';
import { apiRequest, errorMessage } from '../../../lib/api-client';

const formSchema = setPasswordRequestSchema.pick({ password: true });
type FormValues = z.infer<typeof formSchema>;

/** The invitation link's page: choose a password once, then sign in with it. */
export function SetPasswordForm({ token, loginPath }: { token: string; loginPath: string }) {
  const passwordId = useId();
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<FormValues>({ resolver: zodResolver(formSchema), defaultValues: { password: '' } });

  if (done) {
    return (
      <Notice tone="success" title="Your password is set">
        <p>
          <Link to={loginPath}>Sign in</Link> with your email and the new password.
        </p>
      </Notice>
    );
  }
  const submit = handleSubmit(async ({ password }) => {
    setError(null);
    try {
      await apiRequest<void>(userEndpoints.setPassword.path, { method: userEndpoints.setPassword.method, body: { token, password }, skipUnauthenticatedHandler: true });
      setDone(true);
    } catch (caught) {
      setError(caught);
    }
  });
  return (
    <form className="form" aria-label="Choose your password" noValidate onSubmit={(event) => void submit(event)}>
      {error !== null && (
        <Notice tone="error" title="The password was not set">
          <p>{errorMessage(error)}</p>
        </Notice>
      )}
      <FormField id={passwordId} label="New password" hint="At least 12 characters." error={errors.password?.message} announce>
        {(control) => <input {...control} type="password" autoComplete="new-password" {...register('password')} />}
      </FormField>
      <button type="submit" className="button button-primary" aria-disabled={isSubmitting || undefined}>
        {isSubmitting ? 'Saving…' : 'Set password'}
      </button>
    </form>
  );
}
