/**
 * The API reads the dashboard makes first, as URLs: the build's early script starts them before the app's code
 * has downloaded (build-plugins/preload-landing-route.ts), and the app picks them up by URL (lib/early-responses.ts).
 * test/app/landing-page-reads.test.ts holds them to what the app really asks for.
 */
export const LANDING_PAGE_READS = {
  session: '/api/auth/me',
  forEveryone: ['/api/interviews?when=upcoming&limit=25', '/api/interviews?when=past&limit=25', '/api/zoom/status'],
  // The schedule form's reads, for whoever the dashboard lets schedule; asked for once the session names the role.
  forRoles: { roles: ['recruiter', 'admin'], urls: ['/api/interviewers', '/api/scheduling-settings'] },
} as const;
