import { useId, useState } from 'react';
import type { PublicUser } from '@crm/shared/auth';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { Notice } from '../../../components/notice';
import { errorMessage } from '../../../lib/api-client';
import { useUsers } from '../api/get-users';
import { useSetUserActiveMutation } from '../api/use-set-user-active-mutation';
import { useChangeRoleMutation, useResendInviteMutation } from '../api/use-user-account-mutations';
import { InviteUserForm } from './invite-user-form';
import { ROLES } from '@crm/shared/auth';

const ROLE_LABEL: Record<PublicUser['role'], string> = { admin: 'Admin', recruiter: 'Recruiter', interviewer: 'Interviewer' };

/**
 * Every account, searchable: invite, change role, deactivate (ends sessions, disconnects Zoom) and
 * reactivate, resend the set-password link; never for the admin themselves. Each action is audited.
 */
export function UserAccounts({ currentUserId }: { currentUserId: string }) {
  const titleId = useId();
  const searchId = useId();
  const users = useUsers();
  const setActive = useSetUserActiveMutation();
  const changeRole = useChangeRoleMutation();
  const resend = useResendInviteMutation();
  const [search, setSearch] = useState('');
  const [inviting, setInviting] = useState(false);
  const needle = search.trim().toLowerCase();
  const shown = (users.data?.users ?? []).filter((user) => !needle || user.name.toLowerCase().includes(needle) || user.email.includes(needle));
  const [target, setTarget] = useState<PublicUser | null>(null);
  const [outcome, setOutcome] = useState<{ ok: true; message: string } | { ok: false; error: unknown } | null>(null);

  function change(user: PublicUser) {
    setOutcome(null);
    setActive.mutate(
      { userId: user.id, active: !user.active },
      {
        onSuccess: () =>
          setOutcome({
            ok: true,
            message: user.active
              ? `${user.name} was deactivated: they are signed out everywhere and their Zoom connection was revoked.`
              : `${user.name} was reactivated and can sign in again.`,
          }),
        onError: (error) => setOutcome({ ok: false, error }),
        onSettled: () => setTarget(null),
      },
    );
  }

  return (
    <section className="card" aria-labelledby={titleId}>
      <div className="audit-log-heading">
        <h2 id={titleId} className="card-title">
          User accounts
        </h2>
        <button type="button" className="button button-secondary button-small" aria-expanded={inviting} onClick={() => setInviting(!inviting)}>
          Invite user
        </button>
      </div>
      {inviting && (
        <InviteUserForm
          onInvited={({ user, emailQueued }) => {
            setInviting(false);
            setOutcome({ ok: true, message: emailQueued ? `${user.name} was invited: a set-password link is on its way to ${user.email}.` : `${user.name} was invited and signs in with SSO.` });
          }}
          onError={(error) => setOutcome({ ok: false, error })}
        />
      )}
      <div className="field user-search">
        <label htmlFor={searchId}>Search users</label>
        <input id={searchId} type="search" value={search} placeholder="Name or email" onChange={(event) => setSearch(event.target.value)} />
      </div>
      {outcome?.ok === true && (
        <Notice tone="success" onDismiss={() => setOutcome(null)}>
          <p>{outcome.message}</p>
        </Notice>
      )}
      {outcome?.ok === false && (
        <Notice tone="error" title="Could not change the account" onDismiss={() => setOutcome(null)}>
          <p>{errorMessage(outcome.error)}</p>
        </Notice>
      )}
      {users.isFetching && !users.data && <LoadingState label="Loading users…" />}
      {users.isError && !users.isFetching && <ErrorState title="Could not load users" error={users.error} onRetry={() => void users.refetch()} />}
      {users.data && (
        // The card is already a region named "User accounts"; landmarks need names of their own.
        <div className="table-scroll" role="region" aria-label="User accounts table" tabIndex={0}>
          <table className="table">
            <caption>User accounts</caption>
            <thead>
              <tr>
                <th scope="col">User</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((user) => (
                <tr key={user.id}>
                  <th scope="row">
                    <span className="cell-strong">{user.name}</span>
                    <span className="cell-sub">{user.email}</span>
                  </th>
                  <td>
                    {user.id === currentUserId ? (
                      ROLE_LABEL[user.role]
                    ) : (
                      <select
                        aria-label={`Role of ${user.name}`}
                        value={user.role}
                        disabled={changeRole.isPending}
                        onChange={(event) => {
                          const role = event.target.value as PublicUser['role'];
                          setOutcome(null);
                          changeRole.mutate(
                            { userId: user.id, role },
                            {
                              onSuccess: () => setOutcome({ ok: true, message: `${user.name} is now ${ROLE_LABEL[role]}; they sign in again to use it.` }),
                              onError: (error) => setOutcome({ ok: false, error }),
                            },
                          );
                        }}
                      >
                        {ROLES.map((role) => (
                          <option key={role} value={role}>
                            {ROLE_LABEL[role]}
                          </option>
                        ))}
                      </select>
                    )}
                  </td>
                  <td>{user.active ? 'Active' : 'Deactivated'}</td>
                  <td>
                    {user.id === currentUserId ? (
                      <span className="muted">You</span>
                    ) : user.active ? (
                      <span className="row-actions">
                        <button type="button" className="button button-danger button-small" onClick={() => setTarget(user)}>
                          Deactivate<span className="sr-only"> {user.name}</span>
                        </button>
                        <button
                          type="button"
                          className="button button-secondary button-small"
                          disabled={resend.isPending}
                          onClick={() =>
                            resend.mutate(user.id, {
                              onSuccess: () => setOutcome({ ok: true, message: `A new set-password link is on its way to ${user.email}; earlier links no longer work.` }),
                              onError: (error) => setOutcome({ ok: false, error }),
                            })
                          }
                        >
                          Resend invite<span className="sr-only"> to {user.name}</span>
                        </button>
                      </span>
                    ) : (
                      <button type="button" className="button button-small" disabled={setActive.isPending} onClick={() => change(user)}>
                        Reactivate<span className="sr-only"> {user.name}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {target && (
        <ConfirmDialog
          title={`Deactivate ${target.name}?`}
          confirmLabel="Deactivate"
          destructive
          busy={setActive.isPending}
          onConfirm={() => change(target)}
          onCancel={() => setTarget(null)}
        >
          <p>
            {target.name} is signed out everywhere at once and can no longer sign in. Their Zoom connection is revoked; new
            interviews they host use the system account. You can reactivate the account later. This is recorded in the audit log.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
