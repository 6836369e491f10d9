import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { ROLES } from '@crm/shared/auth';
import { inviteUserRequestSchema, type InviteUserRequest, type InviteUserResponse } from '@crm/shared/users';
import { FormField } from '../../../components/form-field';
import { useInviteUserMutation } from '../api/use-user-account-mutations';

const ROLE_LABEL = { admin: 'Admin', recruiter: 'Recruiter', interviewer: 'Interviewer' } as const;

/** Name, email, role, and whether the person gets a set-password email or signs in by SSO only. */
export function InviteUserForm({ onInvited, onError }: { onInvited: (result: InviteUserResponse) => void; onError: (error: unknown) => void }) {
  const ids = { name: useId(), email: useId(), role: useId(), sso: useId() };
  const invite = useInviteUserMutation();
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<InviteUserRequest>({ resolver: zodResolver(inviteUserRequestSchema) as never, defaultValues: { name: '', email: '', role: 'interviewer', ssoOnly: false } });

  const submit = handleSubmit((values) =>
    invite.mutate(values, {
      onSuccess: (result) => {
        reset();
        onInvited(result);
      },
      onError,
    }),
  );

  return (
    <form className="form invite-form" aria-label="Invite a user" noValidate onSubmit={(event) => void submit(event)}>
      <FormField id={ids.name} label="Name" error={errors.name?.message}>
        {(control) => <input {...control} autoComplete="off" {...register('name')} />}
      </FormField>
      <FormField id={ids.email} label="Email" error={errors.email?.message}>
        {(control) => <input {...control} type="email" autoComplete="off" {...register('email')} />}
      </FormField>
      <FormField id={ids.role} label="Role">
        {(control) => (
          <select {...control} {...register('role')}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABEL[role]}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <div className="field field-checkbox">
        <input id={ids.sso} type="checkbox" {...register('ssoOnly')} />
        <label htmlFor={ids.sso}>Signs in with SSO only (no set-password email)</label>
      </div>
      <button type="submit" className="button button-primary" aria-disabled={invite.isPending || undefined}>
        {invite.isPending ? 'Inviting…' : 'Send invitation'}
      </button>
    </form>
  );
}
