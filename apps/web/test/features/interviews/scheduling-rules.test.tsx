import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Interview, InterviewConflictDetails, InterviewerListResponse } from '@crm/shared/interviews';
import { InterviewList } from '../../../src/features/interviews/components/interview-list';
import { ScheduleInterviewForm } from '../../../src/features/interviews/components/schedule-interview-form';
import { setCsrfToken } from '../../../src/lib/api-client';
import { canonicalTimeZone, searchTimeZones, timeZoneCatalog, utcOffset } from '../../../src/lib/time-zone-catalog';
import { apiError, installFakeApi } from '../../support/fake-api';
import { renderWithQueryClient } from '../../support/render-with-query-client';

/** A 1 May less than a year ahead, in Berlin's summer time. */
const YEAR = (() => {
  const now = new Date();
  return now.getTime() < Date.UTC(now.getUTCFullYear(), 4, 1) - 86_400_000 ? now.getUTCFullYear() : now.getUTCFullYear() + 1;
})();

const interviewers: InterviewerListResponse = {
  interviewers: [
    { id: 'u-ian', name: 'Ian Second', email: 'ian@example.com', zoomConnectionState: 'not_connected', zoomEmail: null, expectedHostSource: 'system' },
  ],
};

function interview(overrides: Partial<Interview> = {}): Interview {
  return {
    id: 'i-1',
    candidateName: 'Grace Hopper',
    candidateEmail: 'grace@example.com',
    position: 'Staff Engineer',
    interviewer: { id: 'u-ian', name: 'Ian Second', email: 'ian@example.com' },
    startTime: `${YEAR}-05-01T07:00:00.000Z`,
    timeZone: 'Europe/Berlin',
    durationMinutes: 60,
    agenda: '',
    notes: '',
    status: 'scheduled',
    createdById: 'u-rita',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    meeting: {
      status: 'scheduled',
      pendingAction: null,
      zoomMeetingId: '81234567890',
      joinUrl: 'https://zoom.example/j/81234567890',
      password: 'abc123',
      hostSource: 'system',
      hostReason: 'not_connected',
      hostZoomEmail: 'zoom-admin@example.com',
      lastError: null,
      attempts: 1,
      nextAttemptAt: null,
      joinLinkChanged: null,
    },
    ...overrides,
  };
}

const conflict: InterviewConflictDetails = {
  bufferMinutes: 0,
  conflicts: [
    {
      id: 'i-busy',
      candidateName: 'Alan Turing',
      candidateEmail: 'alan@example.com',
      position: 'Cryptographer',
      interviewer: { id: 'u-ian', name: 'Ian Second' },
      startTime: `${YEAR}-05-01T07:30:00.000Z`,
      timeZone: 'Europe/London',
      durationMinutes: 45,
      overlaps: ['interviewer'],
    },
  ],
};

beforeEach(() => setCsrfToken('csrf'));

async function fillForm(user: ReturnType<typeof userEvent.setup>, start = `${YEAR}-05-01T09:00`, duration = '60') {
  await user.type(screen.getByLabelText('Candidate name'), 'Grace Hopper');
  await user.type(screen.getByLabelText('Candidate email'), 'grace@example.com');
  await user.type(screen.getByLabelText('Position'), 'Staff Engineer');
  await user.click(await screen.findByRole('checkbox', { name: /Ian Second/ }));
  await user.type(screen.getByLabelText('Date and time'), start);
  await user.type(screen.getByLabelText('Search time zones'), 'Berlin');
  await user.clear(screen.getByLabelText('Duration (minutes)'));
  await user.type(screen.getByLabelText('Duration (minutes)'), duration);
}

describe('time zone catalog', () => {
  test('lists current names with their offsets, UTC included; old names find the new ones', () => {
    const catalog = timeZoneCatalog(new Date('2030-01-15T12:00:00Z'));
    const ids = catalog.map((choice) => choice.id);
    expect(ids).toEqual(expect.arrayContaining(['UTC', 'Asia/Kolkata', 'Europe/Kyiv']));
    expect(ids).not.toContain('Asia/Calcutta');
    expect(ids).not.toContain('Europe/Kiev');
    expect(catalog.find((choice) => choice.id === 'Asia/Kolkata')?.offset).toBe('UTC+05:30');
    expect(catalog.find((choice) => choice.id === 'UTC')?.offset).toBe('UTC+00:00');
    expect(searchTimeZones(catalog, 'Kolkata').map((c) => c.id)).toEqual(['Asia/Kolkata']);
    expect(searchTimeZones(catalog, 'calcutta').map((c) => c.id)).toEqual(['Asia/Kolkata']);
    expect(searchTimeZones(catalog, 'Kiev').map((c) => c.id)).toEqual(['Europe/Kyiv']);
    expect(searchTimeZones(catalog, 'UTC')[0]?.id).toBe('UTC');
    expect(searchTimeZones(catalog, 'new york').map((c) => c.id)).toEqual(['America/New_York']);
    expect(canonicalTimeZone('Asia/Calcutta')).toBe('Asia/Kolkata');
  });

  test('offsets follow daylight saving at the given moment', () => {
    expect(utcOffset('Europe/Berlin', new Date('2030-01-15T12:00:00Z')).label).toBe('UTC+01:00');
    expect(utcOffset('Europe/Berlin', new Date('2030-07-15T12:00:00Z')).label).toBe('UTC+02:00');
  });
});

describe('schedule form rules', () => {
  test('searching "Kolkata" picks Asia/Kolkata with its offset; searching "UTC" picks UTC', async () => {
    installFakeApi({ 'GET /api/interviewers': { body: interviewers } });
    renderWithQueryClient(<ScheduleInterviewForm />);
    const user = userEvent.setup();
    const zone = screen.getByLabelText('Time zone');

    await user.type(screen.getByLabelText('Search time zones'), 'Kolkata');
    expect(zone).toHaveValue('Asia/Kolkata');
    expect(within(zone).getByRole('option', { name: /Asia\/Kolkata \(UTC\+05:30\)/ })).toBeInTheDocument();

    await user.clear(screen.getByLabelText('Search time zones'));
    await user.type(screen.getByLabelText('Search time zones'), 'UTC');
    expect(zone).toHaveValue('UTC');
  });

  test('a 7-minute duration and a start in 2099 are flagged with their own rule and nothing is sent', async () => {
    const api = installFakeApi({ 'GET /api/interviewers': { body: interviewers } });
    renderWithQueryClient(<ScheduleInterviewForm />);
    const user = userEvent.setup();
    await fillForm(user, '2099-05-01T09:00', '7');

    await user.click(screen.getByRole('button', { name: 'Schedule interview' }));

    expect(screen.getByLabelText('Duration (minutes)')).toHaveAccessibleDescription('Enter the duration in steps of 5 minutes (5, 10, 15 … 480).');
    expect(screen.getByLabelText('Date and time')).toHaveAccessibleDescription('Choose a time at most a year ahead.');
    expect(api.writes()).toHaveLength(0);
  });

  test('a 409 interview_conflict lists the clash; "Schedule anyway" sends the same request with allowConflict, and the next form starts in the viewer\'s zone', async () => {
    let posts = 0;
    const api = installFakeApi({
      'GET /api/interviewers': { body: interviewers },
      'GET /api/interviews': { body: { interviews: [] } },
      'POST /api/interviews': (request) => {
        posts += 1;
        return posts === 1
          ? apiError(409, 'interview_conflict', 'This time overlaps another interview.', conflict)
          : { status: 201, body: { interview: interview({ startTime: String((request.body as { startTime: string }).startTime) }) } };
      },
    });
    renderWithQueryClient(<ScheduleInterviewForm />);
    const user = userEvent.setup();
    await fillForm(user);

    await user.click(screen.getByRole('button', { name: 'Schedule interview' }));

    const notice = (await screen.findByText('This time overlaps another interview')).closest('.notice') as HTMLElement;
    expect(notice).toHaveAttribute('role', 'alert');
    expect(notice).toHaveTextContent('Alan Turing');
    expect(notice).toHaveTextContent('with Ian Second');
    expect(notice).toHaveTextContent('same interviewer');

    await user.click(within(notice).getByRole('button', { name: 'Schedule anyway' }));

    expect(await screen.findByText('Interview scheduled')).toBeInTheDocument();
    const [first, second] = api.writes();
    expect(first?.body).not.toHaveProperty('allowConflict');
    expect(second?.body).toEqual({ ...(first?.body as object), allowConflict: true });
    expect((second?.body as { timeZone: string }).timeZone).toBe('Europe/Berlin');
    // The zone is not carried into the next interview: it starts again at the viewer's.
    expect(screen.getByLabelText('Time zone')).toHaveValue(canonicalTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone));
  });
});

describe('busy interviewers', () => {
  test('once a time is typed, the picker marks an interviewer who has another interview then', async () => {
    const asked: string[] = [];
    installFakeApi({
      'GET /api/interviewers': { body: interviewers },
      'GET /api/interviewers/availability': (request) => {
        asked.push(request.path);
        return { body: { busy: [{ interviewerId: 'u-ian', interviews: 1 }] } };
      },
    });
    renderWithQueryClient(<ScheduleInterviewForm />);
    const user = userEvent.setup();
    const ian = await screen.findByRole('checkbox', { name: /Ian Second/ });
    expect(ian).not.toHaveAccessibleDescription(/another interview/);

    await user.type(screen.getByLabelText('Date and time'), `${YEAR}-05-01T09:00`);

    expect(await screen.findByText('Busy then')).toBeInTheDocument();
    expect(ian).toHaveAccessibleDescription(/Has another interview at the chosen time/);
    expect(asked.length).toBeGreaterThan(0);
  });
});

describe('requireInterviewerZoom', () => {
  test('when the policy is on, the picker says before submit that an unconnected interviewer cannot be scheduled, and the API\'s refusal shows on the interviewer field', async () => {
    installFakeApi({
      'GET /api/interviewers': { body: interviewers },
      'GET /api/scheduling-settings': { body: { settings: { requireInterviewerZoom: true }, updatedAt: null, updatedBy: null } },
      'POST /api/interviews': apiError(409, 'interviewer_zoom_required', 'Ian Second must connect Zoom before being scheduled.', {
        path: 'interviewerId',
        interviewers: [{ id: 'u-ian', name: 'Ian Second' }],
      }),
    });
    renderWithQueryClient(<ScheduleInterviewForm />);
    const user = userEvent.setup();

    expect(await screen.findByRole('checkbox', { name: /Ian Second/ })).toHaveAccessibleDescription(/Cannot be scheduled until they connect Zoom/);
    await fillForm(user);
    await user.click(screen.getByRole('button', { name: 'Schedule interview' }));

    expect(await screen.findByText('Ian Second must connect Zoom before being scheduled.')).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Interviewer' })).toHaveAttribute('aria-invalid', 'true');
  });
});

describe('interview times and rescheduling', () => {
  test('the list shows the viewer\'s time and, when its clock differs, the interview\'s own zone beside it', async () => {
    installFakeApi({ 'GET /api/interviews': { body: { interviews: [interview({ timeZone: 'Asia/Kolkata' })] } } });
    renderWithQueryClient(<InterviewList when="upcoming" viewerId="u-rita" canManage />);

    expect(await screen.findByText(/in Asia\/Kolkata\)/)).toBeInTheDocument();
  });

  test('rescheduling can change the zone: the wall time is read in the new zone and the zone is sent', async () => {
    const api = installFakeApi({
      'GET /api/interviews': { body: { interviews: [interview()] } },
      'PATCH /api/interviews/i-1': (request) => ({ body: { interview: interview(request.body as Partial<Interview>) } }),
    });
    renderWithQueryClient(<InterviewList when="upcoming" viewerId="u-rita" canManage />);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: /Reschedule/ }));
    await user.type(screen.getByLabelText('Search time zones'), 'Kolkata');
    expect(screen.getByLabelText(/New date and time \(Asia\/Kolkata\)/)).toHaveValue(`${YEAR}-05-01T09:00`);
    await user.click(screen.getByRole('button', { name: 'Save new time' }));
    await user.click(within(screen.getByRole('alertdialog', { name: 'Reschedule Grace Hopper?' })).getByRole('button', { name: 'Reschedule' }));

    expect(api.writes()).toEqual([
      expect.objectContaining({ body: { startTime: `${YEAR}-05-01T03:30:00.000Z`, durationMinutes: 60, timeZone: 'Asia/Kolkata' } }),
    ]);
  });

  test('a reschedule onto a busy time shows the clash; "Reschedule anyway" sends allowConflict', async () => {
    let patches = 0;
    const api = installFakeApi({
      'GET /api/interviews': { body: { interviews: [interview()] } },
      'PATCH /api/interviews/i-1': () => {
        patches += 1;
        return patches === 1 ? apiError(409, 'interview_conflict', 'Overlaps.', conflict) : { body: { interview: interview() } };
      },
    });
    renderWithQueryClient(<InterviewList when="upcoming" viewerId="u-rita" canManage />);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: /Reschedule/ }));
    await user.click(screen.getByRole('button', { name: 'Save new time' }));
    await user.click(within(screen.getByRole('alertdialog', { name: 'Reschedule Grace Hopper?' })).getByRole('button', { name: 'Reschedule' }));
    const notice = (await screen.findByText('This time overlaps another interview')).closest('.notice') as HTMLElement;
    expect(notice).toHaveTextContent('Alan Turing');
    await user.click(within(notice).getByRole('button', { name: 'Reschedule anyway' }));

    expect(api.writes().map((write) => (write.body as { allowConflict?: boolean }).allowConflict)).toEqual([undefined, true]);
  });
});
