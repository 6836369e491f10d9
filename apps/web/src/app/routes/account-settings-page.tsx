import { useSearchParams } from 'react-router-dom';
import { ZOOM_CALLBACK_RESULT_PARAM } from '@crm/shared/zoom-connection';
import { useSignedInUser } from '../../features/auth/components/session-provider';
import { CalendarFeedCard } from '../../features/calendar/components/calendar-feed-card';
import { ZoomReconnectReminderBanner } from '../../features/reminders/components/zoom-reconnect-reminder-banner';
import { MeetingDefaultsForm } from '../../features/zoom-connection/components/meeting-defaults-form';
import { ZoomConnectionCard } from '../../features/zoom-connection/components/zoom-connection-card';
import { usePageTitle } from '../use-page-title';

export default function AccountSettingsPage() {
  usePageTitle('Account Settings');
  const user = useSignedInUser();
  const [params, setParams] = useSearchParams();
  const callbackResult = params.get(ZOOM_CALLBACK_RESULT_PARAM);

  return (
    <div className="page">
      <div className="page-heading">
        <h1>Account Settings</h1>
        <p className="muted">
          Signed in as {user.name} ({user.email})
        </p>
      </div>
      {user.role === 'interviewer' && <ZoomReconnectReminderBanner />}
      <ZoomConnectionCard
        callbackResult={callbackResult}
        accountEmail={user.email}
        onDismissCallback={() =>
          setParams(
            (current) => {
              current.delete(ZOOM_CALLBACK_RESULT_PARAM);
              return current;
            },
            { replace: true },
          )
        }
      />
      <MeetingDefaultsForm />
      {user.role === 'interviewer' && <CalendarFeedCard />}
    </div>
  );
}
