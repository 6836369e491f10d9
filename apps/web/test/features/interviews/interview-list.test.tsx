import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Interview, Meeting } from '@crm/shared/interviews';
import { PENDING_POLL_MAX_MS, PENDING_POLL_MIN_MS, pendingMeetingPollMs } from '../../../src/features/interviews/api/get-interviews';
import { InterviewList } from '../../../src/features/interviews/components/interview-list';
import { setCsrfToken } from '../../../src/lib/api-client';
import { apiError, installFakeApi } from '../../support/fake-api';
import { renderWithQueryClient } from '../../support/render-with-query-client';

/** A 1 May less than a year ahead (interviews are scheduled at most a year out), in Berlin's summer time. */
const YEAR = (() => {
  const now = new Date();
  return now.getTime() < Date.UTC(now.getUTCFullYear(), 4, 1) - 86_400_000 ? now.getUTCFullYear() : now.getUTCFullYear() + 1;
})();

const ownMeeting: Meeting = {
  status: 'scheduled',
  pendingAction: null,
  zoomMeetingId: '81234567890',
  joinUrl: 'https://zoom.example/j/81234567890',
  password: 'abc',
  hostSource: 'interviewer',
  hostReason: 'connected',
  hostZoomEmail: 'interviewer@example.com',
  lastError: null,
  attempts: 1,
  nextAttemptAt: null,
  joinLinkChanged: null,
};

function interview(overrides: Partial<Interview> & { id: string }): Interview {
  return {
    candidateName: 'Grace Hopper',
    candidateEmail: 'grace@example.com',
    position: 'Staff Engineer',
    interviewer: { id: 'u-ivy', name: 'Ivy Interviewer', email: 'interviewer@example.com' },
    startTime: `${YEAR}-05-01T07:00:00.000Z`,
    timeZone: 'Europe/Berlin',
    durationMinutes: 60,
    agenda: '',
    notes: '',
    status: 'scheduled',
    createdById: 'u-rita',
    createdAt: '2030-01-01T00:00:00.000Z',
    updatedAt: '2030-01-01T00:00:00.000Z',
    meeting: ownMeeting,
    ...overrides,
  };
}

const onOwnZoom = interview({ id: 'i-own' });
const onSystem = interview({
  id: 'i-system',
  candidateName: 'Alan Turing',
  meeting: { ...ownMeeting, hostSource: 'system', hostReason: 'not_connected', hostZoomEmail: 'zoom-admin@example.com' },
});
const pending = interview({
  id: 'i-pending',
  candidateName: 'Katherine Johnson',
  meeting: { ...ownMeeting, status: 'pending', pendingAction: 'create', joinUrl: null, zoomMeetingId: null, hostSource: null, hostReason: null },
});
const failed = interview({
  id: 'i-failed',
  candidateName: 'Edsger Dijkstra',
  meeting: {
    ...ownMeeting,
    status: 'failed',
    joinUrl: null,
    zoomMeetingId: null,
    lastError: { code: 'zoom_rejected_request', message: 'Zoom refused the meeting settings.', at: '2030-01-01T00:00:00.000Z' },
  },
});

function renderList(viewerId: string, canManage: boolean) {
  renderWithQueryClient(<InterviewList when="upcoming" viewerId={viewerId} canManage={canManage} />);
}

function itemFor(name: string): HTMLElement {
  return screen.getByRole('heading', { name: new RegExp(name) }).closest('li') as HTMLElement;
}

beforeEach(() => setCsrfToken('csrf'));

describe('Interview list', () => {
  test('each interview shows its host badge, with the reason beside a system-account badge', async () => {
    installFakeApi({ 'GET /api/interviews': { body: { interviews: [onOwnZoom, onSystem] } } });
    renderList('u-rita', true);

    await screen.findByRole('heading', { name: /Grace Hopper/ });
    expect(within(itemFor('Grace Hopper')).getByText("Interviewer's Zoom")).toBeInTheDocument();
    expect(within(itemFor('Grace Hopper')).getByRole('link', { name: /Join link/ })).toHaveAttribute('href', ownMeeting.joinUrl);
    const system = within(itemFor('Alan Turing'));
    expect(system.getByText('System account')).toHaveAttribute('title', 'The interviewer has not connected Zoom');
    expect(system.getByText('The interviewer has not connected Zoom')).toBeInTheDocument();
  });

  test('the start link is shown only to the interviewer who hosts it, and goes through the API for a fresh link', async () => {
    installFakeApi({ 'GET /api/interviews': { body: { interviews: [onOwnZoom] } } });
    renderList('u-ivy', false);
    expect(await screen.findByRole('link', { name: /Start meeting as host/ })).toHaveAttribute('href', '/api/interviews/i-own/start');
  });

  test('someone else who is sent a start link (an admin) does not see it', async () => {
    installFakeApi({ 'GET /api/interviews': { body: { interviews: [onOwnZoom] } } });
    renderList('u-admin', true);
    await screen.findByRole('link', { name: /Join link/ });
    expect(screen.queryByRole('link', { name: /Start meeting/ })).not.toBeInTheDocument();
  });

  test('pending and failed meetings say so in words', async () => {
    installFakeApi({ 'GET /api/interviews': { body: { interviews: [pending, failed] } } });
    renderList('u-rita', true);

    await screen.findByRole('heading', { name: /Katherine Johnson/ });
    expect(within(itemFor('Katherine Johnson')).getByText('Meeting pending')).toBeInTheDocument();
    expect(within(itemFor('Katherine Johnson')).getByText(/Creating the Zoom meeting/)).toBeInTheDocument();
    expect(within(itemFor('Edsger Dijkstra')).getByText('Meeting failed')).toBeInTheDocument();
    expect(within(itemFor('Edsger Dijkstra')).getByText(/Zoom refused the meeting settings\./)).toBeInTheDocument();
  });

  test('cancelling asks for confirmation first, then sends DELETE', async () => {
    let current = onOwnZoom;
    const api = installFakeApi({
      'GET /api/interviews': () => ({ body: { interviews: [current] } }),
      'DELETE /api/interviews/i-own': () => {
        current = { ...onOwnZoom, status: 'cancelled', meeting: { ...ownMeeting, status: 'cancelled' } };
        return { body: { interview: current } };
      },
    });
    const user = userEvent.setup();
    renderList('u-rita', true);

    await user.click(await screen.findByRole('button', { name: /Cancel interview/ }));
    const dialog = screen.getByRole('alertdialog', { name: /Cancel the interview with Grace Hopper\?/ });
    expect(api.writes()).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel interview' }));

    expect(await screen.findByText('Cancelled')).toBeInTheDocument();
    expect(api.writes()).toEqual([expect.objectContaining({ method: 'DELETE', path: '/api/interviews/i-own' })]);
  });

  test('when the cancel confirmation is dismissed with Escape or Keep interview, focus returns to the Cancel interview button', async () => {
    const api = installFakeApi({ 'GET /api/interviews': { body: { interviews: [onOwnZoom] } } });
    const user = userEvent.setup();
    renderList('u-rita', true);

    const opener = await screen.findByRole('button', { name: /Cancel interview with Grace Hopper/ });
    await user.click(opener);
    expect(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Keep interview' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Cancel interview with Grace Hopper/ })).toHaveFocus();

    await user.keyboard('{Enter}');
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Keep interview' }));
    expect(screen.getByRole('button', { name: /Cancel interview with Grace Hopper/ })).toHaveFocus();
    expect(api.writes()).toHaveLength(0);
  });

  test('with nothing scheduled it says so', async () => {
    installFakeApi({ 'GET /api/interviews': { body: { interviews: [] } } });
    renderList('u-rita', true);
    expect(await screen.findByText('No upcoming interviews.')).toBeInTheDocument();
  });
});

describe('Rescheduling', () => {
  test('a new time is confirmed first, then sent as a UTC instant in the interview\'s own time zone', async () => {
    let current = onOwnZoom;
    const api = installFakeApi({
      'GET /api/interviews': () => ({ body: { interviews: [current] } }),
      'PATCH /api/interviews/i-own': (request) => {
        current = { ...onOwnZoom, ...(request.body as object) };
        return { body: { interview: current } };
      },
    });
    const user = userEvent.setup();
    renderList('u-rita', true);

    await user.click(await screen.findByRole('button', { name: /Reschedule/ }));
    const field = screen.getByLabelText('New date and time (Europe/Berlin)');
    expect(field).toHaveValue(`${YEAR}-05-01T09:00`);
    await user.clear(field);
    await user.type(field, `${YEAR}-05-02T14:30`);
    await user.click(screen.getByRole('button', { name: 'Save new time' }));
    expect(api.writes()).toHaveLength(0);
    await user.click(within(screen.getByRole('alertdialog', { name: 'Reschedule Grace Hopper?' })).getByRole('button', { name: 'Reschedule' }));

    expect(api.writes()).toEqual([
      expect.objectContaining({ method: 'PATCH', path: '/api/interviews/i-own', body: { startTime: `${YEAR}-05-02T12:30:00.000Z`, durationMinutes: 60 } }),
    ]);
    expect(await screen.findByText(new RegExp(`May 2, ${YEAR}`))).toBeInTheDocument();
  });
});

describe('Reschedule form validation', () => {
  test('a duration out of range is flagged on the duration field, which gets focus and is announced; nothing is sent', async () => {
    const api = installFakeApi({ 'GET /api/interviews': { body: { interviews: [onOwnZoom] } } });
    const user = userEvent.setup();
    renderList('u-rita', true);

    await user.click(await screen.findByRole('button', { name: /Reschedule/ }));
    const duration = screen.getByLabelText('Duration (minutes)');
    await user.clear(duration);
    await user.type(duration, '2');
    await user.click(screen.getByRole('button', { name: 'Save new time' }));

    expect(duration).toHaveAttribute('aria-invalid', 'true');
    expect(duration).toHaveAccessibleDescription('Enter a duration between 5 and 480 minutes.');
    expect(duration).toHaveFocus();
    expect(screen.getByRole('alert')).toHaveTextContent('Enter a duration between 5 and 480 minutes.');
    expect(screen.getByLabelText('New date and time (Europe/Berlin)')).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(api.writes()).toHaveLength(0);
  });

  test('a new time in the past is refused on the date field before anything is sent', async () => {
    const api = installFakeApi({ 'GET /api/interviews': { body: { interviews: [onOwnZoom] } } });
    const user = userEvent.setup();
    renderList('u-rita', true);

    await user.click(await screen.findByRole('button', { name: /Reschedule/ }));
    const start = screen.getByLabelText('New date and time (Europe/Berlin)');
    await user.clear(start);
    await user.type(start, '2001-05-01T09:00');
    await user.click(screen.getByRole('button', { name: 'Save new time' }));

    expect(start).toHaveAccessibleDescription('Choose a time in the future.');
    expect(start).toHaveAttribute('aria-invalid', 'true');
    expect(start).toHaveFocus();
    expect(api.writes()).toHaveLength(0);
  });

  test('when the API refuses the new time, the form says why and the interview keeps its time', async () => {
    installFakeApi({
      'GET /api/interviews': { body: { interviews: [onOwnZoom] } },
      'PATCH /api/interviews/i-own': apiError(409, 'interview_cancelled', 'This interview was cancelled meanwhile.'),
    });
    const user = userEvent.setup();
    renderList('u-rita', true);

    await user.click(await screen.findByRole('button', { name: /Reschedule/ }));
    await user.click(screen.getByRole('button', { name: 'Save new time' }));
    await user.click(within(screen.getByRole('alertdialog', { name: 'Reschedule Grace Hopper?' })).getByRole('button', { name: 'Reschedule' }));

    expect(await screen.findByText('This interview was cancelled meanwhile.')).toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.getByLabelText('New date and time (Europe/Berlin)')).toHaveValue(`${YEAR}-05-01T09:00`);
  });
});

describe('Pending meetings', () => {
  afterEach(() => jest.useRealTimers());

  test('when the worker settles a pending meeting, the list shows it scheduled without a reload, then stops polling', async () => {
    jest.useFakeTimers({ now: new Date('2030-01-01T09:00:00.000Z'), advanceTimers: false });
    let settled = false;
    const waiting = { ...pending, meeting: { ...pending.meeting, nextAttemptAt: '2030-01-01T09:00:01.000Z' } };
    const api = installFakeApi({
      'GET /api/interviews': () => ({ body: { interviews: [settled ? { ...waiting, meeting: ownMeeting } : waiting] } }),
    });
    renderList('u-rita', true);
    await act(() => jest.advanceTimersByTimeAsync(0));
    expect(within(itemFor('Katherine Johnson')).getByText('Meeting pending')).toBeInTheDocument();

    settled = true;
    // One poll, plus the moment the answer takes to reach the screen.
    await act(() => jest.advanceTimersByTimeAsync(PENDING_POLL_MIN_MS + 100));

    expect(within(itemFor('Katherine Johnson')).queryByText('Meeting pending')).not.toBeInTheDocument();
    expect(within(itemFor('Katherine Johnson')).getByRole('link', { name: /Join link/ })).toHaveAttribute('href', ownMeeting.joinUrl);
    const reads = () => api.requests.filter((request) => request.path === '/api/interviews').length;
    const afterSettled = reads();
    await act(() => jest.advanceTimersByTimeAsync(PENDING_POLL_MAX_MS * 2));
    expect(reads()).toBe(afterSettled);
  });

  const pendingUntil = (nextAttemptAt: string | null) => ({ ...pending, meeting: { ...pending.meeting, nextAttemptAt } });
  test('when nothing is pending, the list does not poll', () => {
    expect(pendingMeetingPollMs({ interviews: [onOwnZoom, failed] })).toBe(false);
  });

  test.each<[string, number, Interview[]]>([
    ['the next attempt is 10 s away', 11_000, [pendingUntil('2030-01-01T09:00:10.000Z')]],
    ['the next attempt is overdue (the worker has not run yet)', PENDING_POLL_MIN_MS, [pendingUntil('2030-01-01T08:59:00.000Z')]],
    ['Zoom is backing off for minutes', PENDING_POLL_MAX_MS, [pendingUntil('2030-01-01T09:10:00.000Z')]],
    ['no next attempt is known', PENDING_POLL_MIN_MS, [pendingUntil(null)]],
    ['two are pending, the soonest decides', 4_000, [pendingUntil('2030-01-01T09:05:00.000Z'), pendingUntil('2030-01-01T09:00:03.000Z')]],
  ])('when %s, the list looks again after %p ms', (_what, expected, interviews) => {
    expect(pendingMeetingPollMs({ interviews }, Date.parse('2030-01-01T09:00:00.000Z'))).toBe(expected);
  });
});

describe('Interview list: attendance from Zoom', () => {
  const attendance = {
    candidateWaiting: false,
    candidateWaitingSince: null,
    startedAt: `${YEAR}-05-01T07:00:00.000Z`,
    endedAt: null,
    hostJoinedAt: `${YEAR}-05-01T07:00:00.000Z`,
    candidateJoinedAt: null,
    candidateMatchedBy: null,
    hostMinutes: 0,
    candidateMinutes: 0,
    participants: [],
  } satisfies Omit<NonNullable<Interview['attendance']>, 'state'>;

  test('badges say live, completed, no-show and candidate waiting; an interview without attendance shows none', async () => {
    installFakeApi({
      'GET /api/interviews': {
        body: {
          interviews: [
            interview({ id: 'a-live', candidateName: 'Live Larry', attendance: { ...attendance, state: 'in_progress' } }),
            interview({ id: 'a-done', candidateName: 'Done Dora', attendance: { ...attendance, state: 'completed', candidateJoinedAt: '2031-05-01T07:01:00.000Z', candidateMatchedBy: 'name' } }),
            interview({ id: 'a-noshow', candidateName: 'Absent Abe', attendance: { ...attendance, state: 'candidate_no_show' } }),
            interview({ id: 'a-wait', candidateName: 'Waiting Wanda', attendance: { ...attendance, hostJoinedAt: null, state: 'not_started', candidateWaiting: true, candidateWaitingSince: '2031-05-01T06:58:00.000Z' } }),
            interview({ id: 'a-none', candidateName: 'Future Fay' }),
          ],
        },
      },
    });

    renderList('u-rita', true);

    await screen.findByRole('heading', { name: /Live Larry/ });
    expect(within(itemFor('Live Larry')).getByText('Live')).toBeInTheDocument();
    expect(within(itemFor('Done Dora')).getByText('Completed')).toHaveAttribute('title', expect.stringMatching(/recognised by name/));
    expect(within(itemFor('Absent Abe')).getByText('Candidate no-show')).toBeInTheDocument();
    expect(within(itemFor('Waiting Wanda')).getByText('Candidate waiting')).toBeInTheDocument();
    expect(within(itemFor('Future Fay')).queryByText(/Live|Completed|no-show|waiting/)).toBeNull();
  });
});

describe('Interview list: changes made in Zoom', () => {
  test('an interview moved in Zoom says so, by whom and what changed; one deleted in Zoom says how to go on', async () => {
    installFakeApi({
      'GET /api/interviews': {
        body: {
          interviews: [
            interview({
              id: 'z-moved',
              candidateName: 'Moved Mo',
              zoomNotices: [
                { kind: 'changed_in_zoom', at: '2031-04-01T00:00:00.000Z', by: 'host@example.com', changes: [{ field: 'durationMinutes', from: '45', to: '60' }] },
              ],
            }),
            interview({ id: 'z-gone', candidateName: 'Gone Gus', zoomNotices: [{ kind: 'deleted_in_zoom', at: '2031-04-01T00:00:00.000Z', by: null, changes: [] }] }),
          ],
        },
      },
    });

    renderList('u-rita', true);

    await screen.findByRole('heading', { name: /Moved Mo/ });
    expect(within(itemFor('Moved Mo')).getByText(/Changed in Zoom by host@example.com: duration 45 → 60 min/)).toBeInTheDocument();
    expect(within(itemFor('Gone Gus')).getByText(/deleted in Zoom by the host\. Reschedule/)).toBeInTheDocument();
  });
});
