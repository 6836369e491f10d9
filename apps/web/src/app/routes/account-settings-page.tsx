import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ZOOM_CALLBACK_RESULT_PARAM } from '@crm/shared/zoom-connection';
import { useSignedInUser } from '../../features/auth/components/session-provider';
import { CalendarFeedCard } from '../../features/calendar/components/calendar-feed-card';
import { ZoomReconnectReminderBanner } from '../../features/reminders/components/zoom-reconnect-reminder-banner';
import { MeetingDefaultsForm } from '../../features/zoom-connection/components/meeting-defaults-form';
import { ZoomConnectionCard } from '../../features/zoom-connection/components/zoom-connection-card';
import { ZoomNotForYourRole } from '../../features/zoom-connection/components/zoom-not-for-your-role';
import { usePageTitle } from '../use-page-title';

export default function AccountSettingsPage() {
  usePageTitle('Account Settings');
  const user = useSignedInUser();
  const [params, setParams] = useSearchParams();
  // Read once, then taken out of the address: a reload or a bookmark must not say "connected" again.
  const [callbackResult, setCallbackResult] = useState(() => params.get(ZOOM_CALLBACK_RESULT_PARAM));
  useEffect(() => {
    if (!params.has(ZOOM_CALLBACK_RESULT_PARAM)) return;
    setParams(
      (current) => {
        current.delete(ZOOM_CALLBACK_RESULT_PARAM);
        return current;
      },
      { replace: true },
    );
  }, [params, setParams]);

  return (
    <div className="page">
      <div className="page-heading">
        <h1>Account Settings</h1>
        <p className="muted">
          Signed in as {user.name} ({user.email})
        </p>
      </div>
      {/* Only interviewers host interviews, so only they have a Zoom connection and meeting defaults to manage. */}
      {user.role === 'interviewer' ? (
        <>
          <ZoomReconnectReminderBanner />
          <ZoomConnectionCard callbackResult={callbackResult} accountEmail={user.email} onDismissCallback={() => setCallbackResult(null)} />
          <MeetingDefaultsForm />
          <CalendarFeedCard />
        </>
      ) : (
        <ZoomNotForYourRole role={user.role} />
      )}
    </div>
  );
}
