import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Interview, InterviewerListResponse } from '@crm/shared/interviews';
import { InterviewList } from '../../../src/features/interviews/components/interview-list';
import { ScheduleInterviewForm } from '../../../src/features/interviews/components/schedule-interview-form';
import { setCsrfToken } from '../../../src/lib/api-client';
import { apiError, installFakeApi, type RecordedRequest } from '../../support/fake-api';
import { renderWithQueryClient } from '../../support/render-with-query-client';

/** A 1 May less than a year ahead (interviews are scheduled at most a year out), in Berlin's summer time. */
const YEAR = (() => {
  const now = new Date();
  return now.getTime() < Date.UTC(now.getUTCFullYear(), 4, 1) - 86_400_000 ? now.getUTCFullYear() : now.getUTCFullYear() + 1;
})();

const interviewers: InterviewerListResponse = {
  interviewers: [
    {
      id: 'u-ivy',
      name: 'Ivy Interviewer',
      email: 'interviewer@example.com',
      zoomConnectionState: 'connected',
      zoomEmail: 'interviewer@example.com',
      expectedHostSource: 'interviewer',
    },
    {
      id: 'u-ian',
      name: 'Ian Second',
      email: 'interviewer2@example.com',
      zoomConnectionState: 'not_connected',
      zoomEmail: null,
      expectedHostSource: 'system',
    },
    {
      id: 'u-iris',
      name: 'Iris Third',
      email: 'interviewer3@example.com',
      zoomConnectionState: 'needs_reconnect',
      zoomEmail: 'iris@example.com',
      expectedHostSource: 'system',
    },
  ],
};

function createdInterview(body: Record<string, unknown>): Interview {
  return {
    id: 'i-1',
    candidateName: String(body.candidateName),
    candidateEmail: String(body.candidateEmail),
    position: String(body.position),
    interviewer: { id: 'u-ivy', name: 'Ivy Interviewer', email: 'interviewer@example.com' },
    startTime: String(body.startTime),
    timeZone: String(body.timeZone),
    durationMinutes: Number(body.durationMinutes),
    agenda: '',
    notes: '',
    status: 'scheduled',
    createdById: 'u-rita',
    createdAt: '2030-01-01T00:00:00.000Z',
    updatedAt: '2030-01-01T00:00:00.000Z',
    meeting: {
      status: 'scheduled',
      pendingAction: null,
      zoomMeetingId: '81234567890',
      joinUrl: 'https://zoom.example/j/81234567890',
      password: 'abc123',
      hostSource: 'interviewer',
      hostReason: 'connected',
      hostZoomEmail: 'interviewer@example.com',
      lastError: null,
      attempts: 1,
      nextAttemptAt: null,
      joinLinkChanged: null,
    },
  };
}

function renderForm() {
  renderWithQueryClient(<ScheduleInterviewForm />);
  return { user: userEvent.setup() };
}

async function fillValidForm(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Candidate name'), 'Grace Hopper');
  await user.type(screen.getByLabelText('Candidate email'), 'Grace@Example.com');
  await user.type(screen.getByLabelText('Position'), 'Staff Engineer');
  await user.click(await screen.findByRole('checkbox', { name: /Ivy Interviewer/ }));
  await user.type(screen.getByLabelText('Date and time'), `${YEAR}-05-01T09:00`);
  await user.selectOptions(screen.getByLabelText('Time zone'), 'Europe/Berlin');
  await user.clear(screen.getByLabelText('Duration (minutes)'));
  await user.type(screen.getByLabelText('Duration (minutes)'), '60');
}

beforeEach(() => setCsrfToken('csrf'));

describe('Schedule interview form', () => {
  test('the interviewer picker shows each interviewer\'s Zoom state and which account will host', async () => {
    installFakeApi({ 'GET /api/interviewers': { body: interviewers } });
    renderForm();

    const picker = screen.getByRole('group', { name: 'Interviewer' });
    const ivy = await within(picker).findByRole('checkbox', { name: /Ivy Interviewer/ });
    expect(ivy).toHaveAccessibleDescription(/Hosts on their own Zoom \(interviewer@example.com\)/);
    expect(within(picker).getByRole('checkbox', { name: /Ian Second/ })).toHaveAccessibleDescription(
      /System account will host: Zoom not connected/,
    );
    expect(within(picker).getByRole('checkbox', { name: /Iris Third/ })).toHaveAccessibleDescription(/needs reconnecting/);
    expect(within(picker).getByText('Zoom connected')).toHaveClass('status-success');
  });

  test('when submitted empty, every required field says what is missing, the first gets focus, and nothing is sent', async () => {
    const api = installFakeApi({ 'GET /api/interviewers': { body: interviewers } });
    const { user } = renderForm();
    await screen.findByRole('checkbox', { name: /Ivy Interviewer/ });

    await user.click(screen.getByRole('button', { name: 'Schedule interview' }));

    expect(screen.getByLabelText('Candidate name')).toHaveAccessibleDescription("Enter the candidate's name (up to 120 characters).");
    expect(screen.getByLabelText('Candidate email')).toHaveAccessibleDescription(/Enter the candidate's email address/);
    expect(screen.getByLabelText('Position')).toHaveAccessibleDescription(/Enter the position/);
    expect(screen.getByText('Choose an interviewer.')).toBeInTheDocument();
    expect(screen.getByLabelText('Date and time')).toHaveAccessibleDescription('Choose the date and time of the interview.');
    expect(screen.getByLabelText('Candidate name')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Candidate name')).toHaveFocus();
    expect(screen.getByRole('alert')).toHaveTextContent('Check the 5 fields marked below.');
    expect(api.writes()).toHaveLength(0);
  });

  test('when the email is malformed and the duration out of range, only those fields are flagged', async () => {
    const api = installFakeApi({ 'GET /api/interviewers': { body: interviewers } });
    const { user } = renderForm();
    await fillValidForm(user);
    await user.clear(screen.getByLabelText('Candidate email'));
    await user.type(screen.getByLabelText('Candidate email'), 'not-an-email');
    await user.clear(screen.getByLabelText('Duration (minutes)'));
    await user.type(screen.getByLabelText('Duration (minutes)'), '2');

    await user.click(screen.getByRole('button', { name: 'Schedule interview' }));

    expect(screen.getByLabelText('Candidate email')).toHaveAccessibleDescription(/like name@example.com/);
    expect(screen.getByLabelText('Duration (minutes)')).toHaveAccessibleDescription(/between 5 and 480 minutes/);
    expect(screen.getByLabelText('Candidate name')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByLabelText('Candidate email')).toHaveFocus();
    expect(api.writes()).toHaveLength(0);
  });

  test('a time in the past is refused before anything is sent', async () => {
    const api = installFakeApi({ 'GET /api/interviewers': { body: interviewers } });
    const { user } = renderForm();
    await fillValidForm(user);
    await user.clear(screen.getByLabelText('Date and time'));
    await user.type(screen.getByLabelText('Date and time'), '2001-05-01T09:00');

    await user.click(screen.getByRole('button', { name: 'Schedule interview' }));

    expect(screen.getByLabelText('Date and time')).toHaveAccessibleDescription('Choose a time in the future.');
    expect(api.writes()).toHaveLength(0);
  });

  test('a valid form sends the instant in UTC with the chosen zone, says which Zoom account hosts, and the list shows it', async () => {
    let sent: RecordedRequest | undefined;
    const created: Interview[] = [];
    const api = installFakeApi({
      'GET /api/interviewers': { body: interviewers },
      'GET /api/interviews': () => ({ body: { interviews: created } }),
      'POST /api/interviews': (request) => {
        sent = request;
        created.push(createdInterview(request.body as Record<string, unknown>));
        return { status: 201, body: { interview: created[0] } };
      },
    });
    renderWithQueryClient(
      <>
        <ScheduleInterviewForm />
        <InterviewList when="upcoming" viewerId="u-rita" canManage />
      </>,
    );
    const user = userEvent.setup();
    expect(await screen.findByText('No upcoming interviews.')).toBeInTheDocument();
    await fillValidForm(user);

    await user.click(screen.getByRole('button', { name: 'Schedule interview' }));

    const notice = (await screen.findByText('Interview scheduled')).closest('[role="status"]') as HTMLElement;
    expect(within(notice).getByText(/Hosted by interviewer@example.com/)).toBeInTheDocument();
    expect(api.writes()).toHaveLength(1);
    expect(sent?.body).toEqual({
      candidateName: 'Grace Hopper',
      candidateEmail: 'grace@example.com',
      position: 'Staff Engineer',
      interviewerId: 'u-ivy',
      // 09:00 in Berlin (CEST, UTC+2) on 1 May
      startTime: `${YEAR}-05-01T07:00:00.000Z`,
      timeZone: 'Europe/Berlin',
      durationMinutes: 60,
      agenda: '',
      notes: '',
    });
    // The upcoming list reloads on its own and shows the new interview.
    expect(await screen.findByRole('heading', { name: /Grace Hopper/ })).toBeInTheDocument();
    expect(screen.getByLabelText('Candidate name')).toHaveValue('');
  });

  test('when the API rejects a field, the form shows it beside that field', async () => {
    installFakeApi({
      'GET /api/interviewers': { body: interviewers },
      'POST /api/interviews': apiError(400, 'interviewer_invalid', 'That user is not an interviewer.'),
    });
    const { user } = renderForm();
    await fillValidForm(user);

    await user.click(screen.getByRole('button', { name: 'Schedule interview' }));

    expect(await screen.findByText('That user is not an interviewer.')).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Interviewer' })).toHaveAttribute('aria-invalid', 'true');
  });

  test('when the interviewers cannot be loaded, the picker says so and offers a retry', async () => {
    installFakeApi({ 'GET /api/interviewers': apiError(500, 'internal_error', 'Something went wrong on our side.') });
    renderForm();

    expect(await screen.findByText('Could not load interviewers')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
