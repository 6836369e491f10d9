import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SessionResponse } from '@crm/shared/auth';
import { App } from '../../../src/app/app';
import { apiError, installFakeApi } from '../../support/fake-api';

const session: SessionResponse = {
  user: { id: 'u-ivy', name: 'Ivy Interviewer', email: 'interviewer@example.com', role: 'interviewer', active: true, createdAt: '2030-01-01T00:00:00.000Z' },
  expiresAt: '2099-01-01T00:00:00.000Z',
  csrfToken: 'csrf',
};
const zoomStatus = { state: 'not_connected', zoomEmail: null, connectedAt: null, scopes: [], lastRefreshAt: null, lastProblem: null };
const defaults = {
  defaults: { waitingRoom: true, autoRecording: 'none', joinBeforeHost: false, muteUponEntry: true },
  usingOrganisationDefaults: true,
  organisationDefaults: { waitingRoom: true, autoRecording: 'none', joinBeforeHost: false, muteUponEntry: true },
};

/** This browser signed in before, so the app asks the API whether the session still holds. */
function signedInBefore(): void {
  localStorage.setItem('crm.signed-in', '1');
}

describe('Sign-in and session', () => {
  beforeEach(() => localStorage.clear());

  test('a browser that never signed in shows sign-in without asking the API (no 401 in the console)', async () => {
    window.history.pushState({}, '', '/');
    const api = installFakeApi({ 'GET /api/auth/me': apiError(401, 'unauthenticated', 'Sign in first') });
    render(<App />);

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(api.requests.filter((request) => request.path === '/api/auth/me')).toHaveLength(0);
  });

  test('opening a page without a session goes to sign-in, and signing in comes back to that page', async () => {
    window.history.pushState({}, '', '/settings/account');
    installFakeApi({
      'GET /api/auth/me': apiError(401, 'unauthenticated', 'Sign in first'),
      'POST /api/auth/login': { body: session },
      'GET /api/zoom/status': { body: zoomStatus },
      'GET /api/zoom/meeting-defaults': { body: defaults },
    });
    const user = userEvent.setup();
    render(<App />);

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('Email'), 'interviewer@example.com');
    await user.type(screen.getByLabelText('Password'), 'demo-password-1');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { name: 'Account Settings' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/settings/account');
  });

  test('when the session expires mid-use, the next request sends you to sign-in with a reason and a way back', async () => {
    signedInBefore();
    window.history.pushState({}, '', '/settings/account');
    installFakeApi({
      'GET /api/auth/me': { body: session },
      'GET /api/zoom/status': apiError(401, 'session_expired', 'Your session has expired; sign in again'),
      'GET /api/zoom/meeting-defaults': { body: defaults },
    });
    render(<App />);

    expect(await screen.findByText(/Your session expired/)).toBeInTheDocument();
    expect(window.location.pathname).toBe('/login');
    expect(new URLSearchParams(window.location.search).get('next')).toBe('/settings/account');
  });

  test.each([
    ['a tab', '/\t/evil.example/'],
    ['a newline', '/\n/evil.example/'],
    ['a backslash', '/\\evil.example/'],
  ])('when next smuggles an off-site address past the // check with %s, signing in lands on the dashboard', async (_what, next) => {
    window.history.pushState({}, '', `/login?${new URLSearchParams({ next }).toString()}`);
    installFakeApi({
      'GET /api/auth/me': apiError(401, 'unauthenticated', 'Sign in first'),
      'POST /api/auth/login': { body: session },
      'GET /api/interviews': { body: { interviews: [] } },
      'GET /api/zoom/status': { body: zoomStatus },
    });
    const user = userEvent.setup();
    render(<App />);

    await user.type(await screen.findByLabelText('Email'), 'interviewer@example.com');
    await user.type(screen.getByLabelText('Password'), 'demo-password-1');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { name: 'Interviews', level: 1 })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/');
  });

  test('the profile menu leads to Account Settings and is usable by keyboard', async () => {
    signedInBefore();
    window.history.pushState({}, '', '/login');
    installFakeApi({
      'GET /api/auth/me': { body: session },
      'GET /api/interviews': { body: { interviews: [] } },
      'GET /api/zoom/status': { body: zoomStatus },
      'GET /api/zoom/meeting-defaults': { body: defaults },
    });
    const user = userEvent.setup();
    render(<App />);

    const profile = await screen.findByRole('button', { name: /Ivy Interviewer/ });
    profile.focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('menuitem', { name: 'Account Settings' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'Sign out' })).toHaveFocus();
    await user.keyboard('{ArrowUp}{Enter}');

    expect(await screen.findByRole('heading', { name: 'Account Settings' })).toBeInTheDocument();
  });

  test('signing in with the fields empty says what is missing beside each, focuses the first, and sends nothing', async () => {
    window.history.pushState({}, '', '/login');
    const api = installFakeApi({ 'GET /api/auth/me': apiError(401, 'unauthenticated', 'Sign in first') });
    const user = userEvent.setup();
    render(<App />);

    await user.click(await screen.findByRole('button', { name: 'Sign in' }));

    const email = screen.getByLabelText('Email');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('Enter your email address, like name@example.com.');
    expect(email).toHaveFocus();
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Enter your password.');
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toEqual([
      'Enter your email address, like name@example.com.',
      'Enter your password.',
    ]);
    expect(api.writes()).toHaveLength(0);
  });

  test('when the password is wrong, the form says so and stays on sign-in', async () => {
    window.history.pushState({}, '', '/login');
    const api = installFakeApi({
      'GET /api/auth/me': apiError(401, 'unauthenticated', 'Sign in first'),
      'POST /api/auth/login': apiError(401, 'invalid_credentials', 'Invalid email or password'),
    });
    const user = userEvent.setup();
    render(<App />);

    await user.type(await screen.findByLabelText('Email'), '  Interviewer@Example.com ');
    await user.type(screen.getByLabelText('Password'), 'not-the-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('That email and password do not match an account.')).toBeInTheDocument();
    // The shared schema's email rule trims and lowercases before anything is sent.
    expect(api.writes()).toEqual([expect.objectContaining({ body: { email: 'interviewer@example.com', password: 'not-the-password' } })]);
    expect(window.location.pathname).toBe('/login');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  });
});
