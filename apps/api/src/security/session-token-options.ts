import type { Env } from '../config/env';
import type { SessionTokenOptions } from './session-tokens';

export function sessionTokenOptions(env: Env): SessionTokenOptions {
  return { secret: env.JWT_SECRET, issuer: env.JWT_ISSUER, audience: env.JWT_AUDIENCE, ttlMinutes: env.SESSION_TTL_MINUTES };
}
