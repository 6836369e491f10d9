import { useId, useState } from 'react';
import type { PublicUser } from '@crm/shared/auth';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { Notice } from '../../../components/notice';
import { errorMessage } from '../../../lib/api-client';
import { useUsers } from '../api/get-users';
import { useSetUserActiveMutation } from '../api/use-set-user-active-mutation';

const ROLE_LABEL: Record<PublicUser['role'], string> = { admin: 'Admin', recruiter: 'Recruiter', interviewer: 'Interviewer' };

/** Every account, with deactivate (ends sessions, disconnects Zoom) and reactivate; never for the admin themselves. */
export function UserAccounts({ currentUserId }: { currentUserId: string }) {
  const titleId = useId();
  const users = useUsers();
  const setActive = useSetUserActiveMutation();
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
      <h2 id={titleId} className="card-title">
        User accounts
      </h2>
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
              {users.data.users.map((user) => (
                <tr key={user.id}>
                  <th scope="row">
                    <span className="cell-strong">{user.name}</span>
                    <span className="cell-sub">{user.email}</span>
                  </th>
                  <td>{ROLE_LABEL[user.role]}</td>
                  <td>{user.active ? 'Active' : 'Deactivated'}</td>
                  <td>
                    {user.id === currentUserId ? (
                      <span className="muted">You</span>
                    ) : user.active ? (
                      <button type="button" className="button button-danger button-small" onClick={() => setTarget(user)}>
                        Deactivate<span className="sr-only"> {user.name}</span>
                      </button>
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
