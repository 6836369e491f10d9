import pino, { type DestinationStream, type Logger } from 'pino';
import type { PrettyOptions } from 'pino-pretty';

/**
 * Key names whose values never reach a log line, wherever they sit. pino's redact paths do not
 * take "any key matching *token*", so the censoring serializer below walks objects by key name.
 * `code` is not among them: an error's code (`host_not_connected`) must stay readable.
 */
const SECRET_KEY = /(token|authorization|cookie|password|secret|code_verifier|start_url|startUrl|zak|session|csrf)/i;

/**
 * Keys that are secret only where they sit: the OAuth authorization code and state arrive as query
 * parameters of the callback (`req.query.code`), however a log line came to hold the query.
 */
const SECRET_AT_PATH: ReadonlyArray<readonly string[]> = [
  ['query', 'code'],
  ['query', 'state'],
  ['query', 'error_description'],
];

function isSecretAt(path: readonly string[], key: string): boolean {
  const parent = path.at(-1);
  return SECRET_AT_PATH.some(([container, name]) => parent === container && key === name);
}

export function redactSecrets(value: unknown, depth = 0, path: readonly string[] = []): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, depth + 1, path));
  if (value instanceof Error) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) || isSecretAt(path, key) ? '[redacted]' : redactSecrets(inner, depth + 1, [...path, key]);
  }
  return out;
}

/** Query strings can carry OAuth codes and state; log the path only. */
export function pathOnly(url: string | undefined): string {
  return (url ?? '').split('?')[0] ?? '';
}

/**
 * pino-pretty is a development dependency: production installs (`pnpm install --prod`) do not have it, so it is
 * loaded only when LOG_FORMAT=pretty asks for it, and a missing one stops start-up with a message saying what to do.
 */
function loadPrettyPrinter(): (options: PrettyOptions) => DestinationStream {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on demand, see above
    return require('pino-pretty') as (options: PrettyOptions) => DestinationStream;
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'MODULE_NOT_FOUND') throw error;
    throw new Error(
      'LOG_FORMAT=pretty needs the pino-pretty package, a development dependency this install does not have; ' +
        'use LOG_FORMAT=json (the default) in production, or install with development dependencies',
      { cause: error },
    );
  }
}

export function createLogger(options: { level: string; format?: 'json' | 'pretty'; destination?: DestinationStream }): Logger {
  // Pretty output is for people watching demo mode; redaction above happens before either format.
  const destination = options.destination ?? (options.format === 'pretty' ? loadPrettyPrinter()({ translateTime: 'HH:MM:ss', ignore: 'pid,hostname' }) : undefined);
  return pino(
    {
      level: options.level,
      base: undefined,
      formatters: {
        log: (object) => redactSecrets(object) as Record<string, unknown>,
      },
      serializers: {
        err: (err: Error & { response?: unknown; config?: unknown }) => ({
          type: err.name,
          message: err.message,
          // axios errors carry request config (headers with bearer tokens) and response bodies: drop them.
          stack: err.stack,
        }),
      },
    },
    destination,
  );
}
