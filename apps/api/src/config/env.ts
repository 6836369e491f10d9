import { z } from 'zod';
import { fallbackHostsSchema } from './fallback-hosts';

/** Values that only ever appear in .env.example and demo mode; production refuses them. */
export const DEMO_SECRETS = {
  JWT_SECRET: 'demo-jwt-secret-change-me-0123456789abcdef',
  // base64 of 32 bytes; "demo" key id so it is recognisable in stored envelopes
  TOKEN_ENCRYPTION_KEYS: 'demo:ZGVtby1rZXktbm90LWZvci1wcm9kdWN0aW9uLTAwMDE=',
  ZOOM_WEBHOOK_SECRET_TOKEN: 'sim-webhook-secret-token',
  OAUTH_STATE_SECRET: 'demo-oauth-state-secret-0123456789abcdef',
} as const;

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

const url = (example: string) => z.url({ message: `must be a URL, e.g. ${example}` });

/** `id:base64key,id2:base64key2`; the first entry is the current key, the rest only decrypt. */
const keyringSchema = z
  .string()
  .min(1)
  .transform((raw, ctx) => {
    const keys: { id: string; key: Buffer }[] = [];
    for (const entry of raw.split(',').map((part) => part.trim()).filter(Boolean)) {
      const [id, encoded] = entry.split(':');
      const key = encoded ? Buffer.from(encoded, 'base64') : Buffer.alloc(0);
      if (!id || !/^[A-Za-z0-9_-]{1,32}$/.test(id) || key.length !== 32) {
        ctx.addIssue({ code: 'custom', message: 'each entry must be `keyId:<base64 of 32 random bytes>` (generate with: openssl rand -base64 32)' });
        return z.NEVER;
      }
      keys.push({ id, key });
    }
    if (keys.length === 0) {
      ctx.addIssue({ code: 'custom', message: 'needs at least one `keyId:<base64 key>` entry' });
      return z.NEVER;
    }
    if (new Set(keys.map((k) => k.id)).size !== keys.length) {
      ctx.addIssue({ code: 'custom', message: 'key ids must be unique' });
      return z.NEVER;
    }
    return keys;
  });

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DEMO_MODE: booleanFlag.default(false),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(5000),
  WEB_APP_URL: url('http://localhost:5173').default('http://localhost:5173'),
  /** Origins whose pages may send state-changing requests (the CSRF origin check), comma-separated; unset: WEB_APP_URL's. */
  ALLOWED_ORIGINS: z
    .string()
    .transform((raw, ctx) => {
      const origins: string[] = [];
      for (const entry of raw.split(',').map((part) => part.trim()).filter(Boolean)) {
        const parsed = URL.canParse(entry) ? new URL(entry) : null;
        // An origin is scheme + host + port: a path, query or wildcard would never match a browser's Origin header.
        const bare = parsed && parsed.pathname === '/' && !parsed.search && !parsed.hash && !parsed.username && !/[?#]/.test(entry);
        if (!parsed || !bare || !['http:', 'https:'].includes(parsed.protocol)) {
          ctx.addIssue({ code: 'custom', message: `"${entry}" is not an origin; list origins like https://crm.example.com,http://localhost:4173 (scheme, host, optional port; no path)` });
          return z.NEVER;
        }
        origins.push(parsed.origin);
      }
      if (origins.length === 0) {
        ctx.addIssue({ code: 'custom', message: 'needs at least one origin, e.g. https://crm.example.com' });
        return z.NEVER;
      }
      return origins;
    })
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty']).default('json'),
  TRUST_PROXY: booleanFlag.default(false),
  /** The built web app (apps/web/dist) to serve from this origin, e.g. in the container; unset: API only. */
  WEB_DIST_DIR: z.string().min(1).optional(),
  /** On SIGTERM: how long in-flight requests and the worker's current item may take before the process exits anyway. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(20_000),

  MONGODB_URI: z.string().regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://').optional(),

  JWT_SECRET: z.string().min(32, 'must be at least 32 characters'),
  JWT_ISSUER: z.string().min(1).default('interview-crm'),
  JWT_AUDIENCE: z.string().min(1).default('interview-crm-web'),
  SESSION_TTL_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(60),
  /** Failed sign-ins per address and email before that pair waits out the 15 minutes. */
  LOGIN_RATE_LIMIT_PER_15_MIN: z.coerce.number().int().min(1).default(10),
  /** Failed sign-ins per address, whatever the emails (password spraying), before the address waits. */
  LOGIN_FAILURES_PER_ADDRESS_PER_15_MIN: z.coerce.number().int().min(1).default(30),
  /** Failed sign-ins on one account, from any address, after which each attempt on it is slowed (never refused). */
  LOGIN_SLOWDOWN_AFTER_FAILURES: z.coerce.number().int().min(1).default(5),
  /** Longest wait the account slow-down adds to one sign-in attempt. */
  LOGIN_SLOWDOWN_MAX_MS: z.coerce.number().int().min(0).max(60_000).default(10_000),
  /** How long an instance may trust its last read of a user's session version (others' changes; its own apply at once). */
  SESSION_CHECK_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),

  TOKEN_ENCRYPTION_KEYS: keyringSchema,
  OAUTH_STATE_SECRET: z.string().min(32, 'must be at least 32 characters'),

  ZOOM_CLIENT_ID: z.string().min(1).optional(),
  ZOOM_CLIENT_SECRET: z.string().min(1).optional(),
  ZOOM_REDIRECT_URI: url('http://localhost:5000/api/zoom/callback').default('http://localhost:5000/api/zoom/callback'),
  ZOOM_ACCOUNT_ID: z.string().min(1).optional(),
  ZOOM_S2S_CLIENT_ID: z.string().min(1).optional(),
  ZOOM_S2S_CLIENT_SECRET: z.string().min(1).optional(),
  ZOOM_USER_ID: z.string().min(1).default('me'),
  /** Zoom users of the organisation's account hosting fallback meetings, `user[:allowance],…`; unset: ZOOM_USER_ID hosts them all, unchecked. */
  ZOOM_FALLBACK_HOSTS: fallbackHostsSchema.optional(),
  ZOOM_OAUTH_BASE_URL: url('https://zoom.us').default('https://zoom.us'),
  ZOOM_API_BASE_URL: url('https://api.zoom.us/v2').default('https://api.zoom.us/v2'),
  ZOOM_WEBHOOK_SECRET_TOKEN: z.string().min(1).optional(),
  /** Webhook deliveries accepted per minute across all instances (checked before the signature); over it, 429 and Zoom retries. */
  ZOOM_WEBHOOK_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  ZOOM_HTTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** Tries per Zoom REST call (first try included) before a meeting change is queued for the worker. */
  ZOOM_HTTP_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(4),
  /** First retry backoff; doubles per attempt, with jitter; Retry-After wins when longer. */
  ZOOM_HTTP_RETRY_BASE_MS: z.coerce.number().int().min(0).max(60_000).default(250),
  /** Zoom plan whose per-second limits the API paces its calls below. */
  ZOOM_RATE_LIMIT_PLAN: z.enum(['free', 'pro', 'business']).default('pro'),
  /** How often the background worker looks for pending meeting changes. */
  MEETING_WORKER_INTERVAL_MS: z.coerce.number().int().min(10).max(3_600_000).default(5_000),
  /** How long a create waits for Zoom before answering with the meeting `pending` (the sync carries on). */
  INTERVIEW_CREATE_ANSWER_MS: z.coerce.number().int().min(10).max(120_000).default(3_000),
  /** Minutes kept free before and after an interview when checking interviewer and candidate conflicts. */
  SCHEDULING_CONFLICT_BUFFER_MINUTES: z.coerce.number().int().min(0).max(240).default(0),
  ZOOM_IDLE_REFRESH_HOURS: z.coerce.number().min(0.001).default(24 * 7),
  BACKGROUND_JOBS: booleanFlag.default(true),

  // Email (calendar invitations). Unset SMTP_URL: invitations are still versioned and downloadable, no email is queued.
  SMTP_URL: z.string().regex(/^smtps?:\/\/[^\s]+$/, 'must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example.com:587').optional(),
  MAIL_FROM: z
    .string()
    .max(320)
    .regex(/^[^\r\n]+$/, 'must be one line')
    .regex(/@/, 'must be an address, e.g. "Interview CRM <interviews@example.com>"')
    .default('Interview CRM <interviews@localhost>'),
  /** Hours before an interview that an interviewer whose Zoom cannot host it is reminded (email + banner). */
  REMINDER_LEAD_HOURS: z.coerce.number().min(1).max(7 * 24).default(24),
  /** How often the reminder job looks for interviews that fell within the lead time. */
  REMINDER_JOB_INTERVAL_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(300_000),

  // Single sign-on (OpenID Connect). Unset OIDC_ISSUER_URL: no SSO.
  OIDC_ISSUER_URL: url('https://login.example.com/oauth2/default').optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_REDIRECT_URI: url('http://localhost:5000/api/auth/sso/callback').optional(),
  /** Scopes asked for; add the one your provider needs for the groups claim (Okta: `groups`). */
  OIDC_SCOPES: z.string().regex(/(^|\s)openid(\s|$)/, 'must include openid, e.g. "openid email profile"').default('openid email profile'),
  /** The ID token claim holding the user's groups or roles (an array or one string). */
  OIDC_GROUPS_CLAIM: z.string().min(1).default('groups'),
  /** `group:role,group:role`: a group in the claim gives that CRM role (the highest wins). */
  OIDC_ROLE_MAPPING: z
    .string()
    .transform((raw, ctx) => {
      const mapping: { group: string; role: 'interviewer' | 'recruiter' | 'admin' }[] = [];
      for (const entry of raw.split(',').map((part) => part.trim()).filter(Boolean)) {
        const separator = entry.lastIndexOf(':');
        const group = entry.slice(0, separator).trim();
        const role = entry.slice(separator + 1).trim();
        if (separator <= 0 || !group || (role !== 'interviewer' && role !== 'recruiter' && role !== 'admin')) {
          ctx.addIssue({ code: 'custom', message: `"${entry}" is not group:role; write e.g. crm-admins:admin,crm-recruiters:recruiter (roles: interviewer, recruiter, admin)` });
          return z.NEVER;
        }
        mapping.push({ group, role });
      }
      return mapping;
    })
    .default([]),
  /** Role of someone in no mapped group; `none` refuses them. */
  OIDC_DEFAULT_ROLE: z.enum(['interviewer', 'recruiter', 'admin', 'none']).default('interviewer'),
  /** `false` turns password sign-in off (only SSO signs in); needs SSO configured. */
  PASSWORD_LOGIN: booleanFlag.default(true),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

/** Parse and check the environment once; every problem is reported together, by variable name. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const cleaned: Record<string, string | undefined> = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  // Demo mode runs with no configuration at all; production refuses both demo mode and these values below.
  if (cleaned.DEMO_MODE === 'true' || cleaned.DEMO_MODE === '1') {
    for (const [name, value] of Object.entries(DEMO_SECRETS)) cleaned[name] ??= value;
  }
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new EnvError(parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`));
  }
  const env = parsed.data;
  const problems: string[] = [];
  if (env.NODE_ENV === 'production') {
    if (env.DEMO_MODE) problems.push('DEMO_MODE: demo mode never runs with NODE_ENV=production');
    if (env.JWT_SECRET === DEMO_SECRETS.JWT_SECRET) problems.push('JWT_SECRET: the demo secret is not allowed in production');
    if (env.OAUTH_STATE_SECRET === DEMO_SECRETS.OAUTH_STATE_SECRET) problems.push('OAUTH_STATE_SECRET: the demo secret is not allowed in production');
    if (env.TOKEN_ENCRYPTION_KEYS.some((k) => k.id === 'demo' || k.key.equals(demoKey()))) {
      problems.push('TOKEN_ENCRYPTION_KEYS: the demo key is not allowed in production');
    }
    if (env.ZOOM_WEBHOOK_SECRET_TOKEN === DEMO_SECRETS.ZOOM_WEBHOOK_SECRET_TOKEN) {
      problems.push('ZOOM_WEBHOOK_SECRET_TOKEN: the demo secret is not allowed in production');
    }
    if (!env.MONGODB_URI) problems.push('MONGODB_URI: production needs a MongoDB; the in-memory store loses everything on restart');
  }
  if (Boolean(env.ZOOM_CLIENT_ID) !== Boolean(env.ZOOM_CLIENT_SECRET)) {
    problems.push('ZOOM_CLIENT_ID / ZOOM_CLIENT_SECRET: set both or neither');
  }
  const s2s = [env.ZOOM_ACCOUNT_ID, env.ZOOM_S2S_CLIENT_ID, env.ZOOM_S2S_CLIENT_SECRET];
  if (s2s.some(Boolean) && !s2s.every(Boolean)) {
    problems.push('ZOOM_ACCOUNT_ID / ZOOM_S2S_CLIENT_ID / ZOOM_S2S_CLIENT_SECRET: set all three or none');
  }
  problems.push(...ssoConfigurationProblems(env));
  if (problems.length > 0) throw new EnvError(problems);
  return env;
}

function demoKey(): Buffer {
  return Buffer.from(DEMO_SECRETS.TOKEN_ENCRYPTION_KEYS.split(':')[1] ?? '', 'base64');
}

function ssoConfigurationProblems(env: Env): string[] {
  const problems: string[] = [];
  const oidc = [env.OIDC_ISSUER_URL, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET, env.OIDC_REDIRECT_URI];
  if (oidc.some(Boolean) && !oidc.every(Boolean)) {
    problems.push('OIDC_ISSUER_URL / OIDC_CLIENT_ID / OIDC_CLIENT_SECRET / OIDC_REDIRECT_URI: set all four or none');
  }
  if (!env.PASSWORD_LOGIN && !env.OIDC_ISSUER_URL) problems.push('PASSWORD_LOGIN: false needs SSO (OIDC_ISSUER_URL ...), or nobody could sign in');
  if (env.NODE_ENV === 'production' && env.OIDC_ISSUER_URL?.startsWith('http:')) {
    problems.push('OIDC_ISSUER_URL: production needs an https:// issuer');
  }
  return problems;
}
