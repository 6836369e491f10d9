export const paths = {
  login: '/login',
  dashboard: '/',
  accountSettings: '/settings/account',
  adminZoom: '/admin/zoom',
  /** One interview; features/interviews builds the link (`interviewPagePath`). */
  interview: '/interviews/:id',
  setPassword: '/set-password',
} as const;

/**
 * Only same-app paths may follow sign-in; anything else (`//evil.example`, `https://…`) goes home.
 * Browsers drop tabs and newlines and read `\` as `/`, so `/<tab>/evil.example` is `//evil.example` too.
 */
export function safeReturnPath(value: string | null): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
  if (!value || !value.startsWith('/') || value.startsWith('//') || /[\u0000-\u001f\u007f\\]/.test(value)) return paths.dashboard;
  return value === paths.login || value.startsWith(`${paths.login}?`) ? paths.dashboard : value;
}

export function loginPathReturningTo(returnTo: string, reason?: 'expired'): string {
  const params = new URLSearchParams({ next: returnTo });
  if (reason) params.set('reason', reason);
  return `${paths.login}?${params.toString()}`;
}
