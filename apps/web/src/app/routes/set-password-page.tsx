import { useSearchParams } from 'react-router-dom';
import { Notice } from '../../components/notice';
import { SetPasswordForm } from '../../features/auth/components/set-password-form';
import { paths } from '../paths';
import { usePageTitle } from '../use-page-title';

export default function SetPasswordPage() {
  usePageTitle('Choose your password');
  const [params] = useSearchParams();
  const token = params.get('token');
  return (
    <section className="card card-narrow">
      <h1>Choose your password</h1>
      {token ? (
        <SetPasswordForm token={token} loginPath={paths.login} />
      ) : (
        <Notice tone="error" title="This link is incomplete">
          <p>Open the link from your invitation email again, or ask an admin to resend it.</p>
        </Notice>
      )}
    </section>
  );
}
