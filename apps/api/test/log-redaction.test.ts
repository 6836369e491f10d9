import { Writable } from 'node:stream';
import { createLogger, redactSecrets } from '../src/logging/create-logger';

function captureLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger({ level: 'info', destination }), lines };
}

describe('log redaction works by path, not by every key of a name', () => {
  test('an error code stays readable in "meeting change did not reach Zoom" while the OAuth code in a query is redacted', () => {
    const { logger, lines } = captureLogger();

    logger.warn({ interviewId: 'i-1', action: 'delete', code: 'host_not_connected', retryable: false }, 'meeting change did not reach Zoom');
    logger.info({ req: { query: { code: 'oauth-code-abc123', state: 'signed-state-xyz' } }, error: { code: 'zoom_unavailable' } }, 'callback');

    const [meetingLine, callbackLine] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(meetingLine).toMatchObject({ code: 'host_not_connected' });
    expect(callbackLine).toMatchObject({ req: { query: { code: '[redacted]', state: '[redacted]' } }, error: { code: 'zoom_unavailable' } });
    expect(lines.join('\n')).not.toMatch(/oauth-code-abc123|signed-state-xyz/);
  });

  test('keys that are secret by name stay redacted wherever they sit', () => {
    expect(
      redactSecrets({ zoom: { accessToken: 'a', refresh_token: 'b', code_verifier: 'c', start_url: 'd' }, headers: { authorization: 'Bearer e', cookie: 'f' }, password: 'g' }),
    ).toEqual({
      zoom: { accessToken: '[redacted]', refresh_token: '[redacted]', code_verifier: '[redacted]', start_url: '[redacted]' },
      headers: { authorization: '[redacted]', cookie: '[redacted]' },
      password: '[redacted]',
    });
  });
});
