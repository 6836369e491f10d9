import { ERROR_CODES, errorEnvelopeSchema } from '../src/error-codes';

describe('error codes the API answers with', () => {
  test('every code is snake_case and listed once, so clients can switch on them', () => {
    for (const code of ERROR_CODES) expect(code).toMatch(/^[a-z]+(?:_[a-z]+)*$/);
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });

  test('the codes a user can meet while connecting Zoom are in the list', () => {
    expect(ERROR_CODES).toEqual(expect.arrayContaining(['zoom_not_connected', 'zoom_token_rejected', 'zoom_unavailable', 'validation_failed', 'internal_error']));
  });

  test('when an envelope names a listed code, it parses with its details', () => {
    const envelope = { error: { code: 'zoom_not_connected', message: 'Connect your Zoom account first', details: { userId: 'u1' } } };
    expect(errorEnvelopeSchema.parse(envelope)).toEqual(envelope);
  });

  test('when an envelope names a code that is not listed, it is refused', () => {
    expect(errorEnvelopeSchema.safeParse({ error: { code: 'zoomNotConnected', message: 'x' } }).success).toBe(false);
  });
});
