import { waitFor } from '@testing-library/react';
import { prefetchDashboardData } from '../../src/app/app-query-provider';
import { LANDING_PAGE_READS } from '../../src/app/landing-page-reads';
import { fetchSession } from '../../src/features/auth/api/fetch-session';
import { EARLY_RESPONSES_GLOBAL } from '../../src/lib/early-responses';
import { installFakeApi } from '../support/fake-api';

const session = (role: string) => ({ user: { id: 'u1', email: 'someone@example.com', name: 'Someone', role }, csrfToken: 'csrf', expiresAt: '2099-01-01T00:00:00.000Z' });
const OK = { status: 200, body: {} };

describe('the early reads the build starts for the dashboard', () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>)[EARLY_RESPONSES_GLOBAL];
  });

  it("when a recruiter opens the dashboard, they are exactly what the app asks for first: the session, both lists, the Zoom status and the schedule form's reads", async () => {
    const api = installFakeApi({
      'GET /api/auth/me': { status: 200, body: session('recruiter') },
      'GET /api/interviews': OK,
      'GET /api/zoom/status': OK,
      'GET /api/interviewers': OK,
      'GET /api/scheduling-settings': OK,
    });

    prefetchDashboardData(fetchSession(), true);

    const asked = () => api.requests.map((request) => `${request.path}${request.query.size ? `?${request.query.toString()}` : ''}`).sort();
    const expected = [LANDING_PAGE_READS.session, ...LANDING_PAGE_READS.forEveryone, ...LANDING_PAGE_READS.forRoles.urls].sort();
    await waitFor(() => expect(asked()).toEqual(expected));
  });

  it('when a read was started early, the app uses that response instead of asking again', async () => {
    const api = installFakeApi({});
    const early = new Map([[LANDING_PAGE_READS.session, Promise.resolve({ ok: true, status: 200, json: async () => session('interviewer') } as unknown as Response)]]);
    (globalThis as Record<string, unknown>)[EARLY_RESPONSES_GLOBAL] = early;

    await expect(fetchSession()).resolves.toMatchObject({ user: { role: 'interviewer' } });
    expect(api.requests).toHaveLength(0);
    // Used once: the next check asks the API.
    await expect(fetchSession()).rejects.toMatchObject({ status: 404 });
    expect(api.requests).toHaveLength(1);
  });

  it('when the early script did not read it (null: not for this role), the app reads it itself', async () => {
    const api = installFakeApi({ 'GET /api/interviewers': { status: 200, body: { interviewers: [] } } });
    (globalThis as Record<string, unknown>)[EARLY_RESPONSES_GLOBAL] = new Map([['/api/interviewers', Promise.resolve(null)]]);

    const { getInterviewers } = await import('../../src/features/interviews/api/get-interviewers');
    await expect(getInterviewers()).resolves.toEqual({ interviewers: [] });
    expect(api.requests.map((request) => request.path)).toEqual(['/api/interviewers']);
  });
});
