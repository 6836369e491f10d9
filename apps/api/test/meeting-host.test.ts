import { isAppError } from '../src/errors/app-error';
import { fallbackReasonFor } from '../src/domain/meetings/meeting-host';

describe('where a new meeting is hosted when the interviewer cannot host it (meeting-host.ts)', () => {
  test('zoom_unavailable is never a reason to fall back: it throws a retryable zoom_unavailable error, before or after a rejected token', () => {
    for (const afterRejection of [false, true]) {
      let thrown: unknown;
      try {
        fallbackReasonFor('zoom_unavailable', afterRejection);
      } catch (error) {
        thrown = error;
      }
      expect(isAppError(thrown) && thrown).toMatchObject({ code: 'zoom_unavailable', status: 503, details: { retryable: true } });
    }
  });

  test('a connection found unusable before any call names its state; the same state reached by the refresh a 401 forced means Zoom rejected the token', () => {
    expect(fallbackReasonFor('not_connected')).toBe('not_connected');
    expect(fallbackReasonFor('needs_reconnect')).toBe('needs_reconnect');
    expect(fallbackReasonFor('needs_reconnect', true)).toBe('interviewer_token_rejected');
    expect(fallbackReasonFor('token_rejected')).toBe('interviewer_token_rejected');
    expect(fallbackReasonFor('refresh_failed')).toBe('interviewer_refresh_failed');
    expect(fallbackReasonFor('refresh_failed', true)).toBe('interviewer_refresh_failed');
  });
});
