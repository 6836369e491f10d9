import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { Env } from '../../config/env';
import type { Clock } from '../../domain/ports/clock';
import type { RateLimitCounterRepository } from '../../domain/ports/rate-limit-counter-repository';
import { AppError } from '../../errors/app-error';
import { SharedRateLimitStore } from '../rate-limit/shared-rate-limit-store';

const WINDOW_MS = 15 * 60 * 1000;
/** First wait of the account slow-down; it doubles with every further failure, up to LOGIN_SLOWDOWN_MAX_MS. */
const SLOWDOWN_BASE_MS = 500;

export interface LoginThrottleDeps {
  env: Pick<Env, 'LOGIN_RATE_LIMIT_PER_15_MIN' | 'LOGIN_FAILURES_PER_ADDRESS_PER_15_MIN' | 'LOGIN_SLOWDOWN_AFTER_FAILURES' | 'LOGIN_SLOWDOWN_MAX_MS'>;
  counters: RateLimitCounterRepository;
  clock: Clock;
}

function emailOf(req: Request): string {
  const email: unknown = (req.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email.trim().toLowerCase().slice(0, 254) : '';
}

function tooMany(): AppError {
  return new AppError({ code: 'rate_limited', status: 429, message: 'Too many sign-in attempts; wait a few minutes and try again' });
}

/** The wait before the attempt that makes `failures` failures on one account. */
export function accountSlowdownMs(failures: number, env: LoginThrottleDeps['env']): number {
  const over = failures - env.LOGIN_SLOWDOWN_AFTER_FAILURES;
  if (over <= 0) return 0;
  return Math.min(SLOWDOWN_BASE_MS * 2 ** Math.min(over - 1, 20), env.LOGIN_SLOWDOWN_MAX_MS);
}

/**
 * Sign-in throttling, on counters every instance shares (see README "Sign-in limits"):
 * 1. per address, whatever the emails: password spraying from one address is refused (429);
 * 2. per address and email: guessing one account's password from one address is refused (429);
 * 3. per account, from any address: failures only slow further attempts down, never refuse them, so an
 *    attacker elsewhere can never lock the owner out. Only failures count; a success clears the account's count.
 */
export function loginThrottle(deps: LoginThrottleDeps): RequestHandler[] {
  const common = {
    windowMs: WINDOW_MS,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8' as const,
    legacyHeaders: false,
    handler: (_req: Request, _res: unknown, next: (error: unknown) => void) => next(tooMany()),
  };
  const perAddress = rateLimit({
    ...common,
    limit: deps.env.LOGIN_FAILURES_PER_ADDRESS_PER_15_MIN,
    keyGenerator: (req) => ipKeyGenerator(req.ip ?? ''),
    store: new SharedRateLimitStore(deps.counters, 'login-address:'),
    // Two limiters on one route both send RateLimit headers; the tighter one is what a client needs.
    identifier: 'address',
  });
  const perAddressAndEmail = rateLimit({
    ...common,
    limit: deps.env.LOGIN_RATE_LIMIT_PER_15_MIN,
    keyGenerator: (req) => `${ipKeyGenerator(req.ip ?? '')}|${emailOf(req)}`,
    store: new SharedRateLimitStore(deps.counters, 'login-address-email:'),
    identifier: 'address-email',
  });
  const perAccount: RequestHandler = async (req, res, next) => {
    const email = emailOf(req);
    if (email === '') return next();
    const key = `login-account:${email}`;
    const { count } = await deps.counters.hit(key, WINDOW_MS);
    res.once('finish', () => {
      // A success clears the count (the owner is in); anything else stays counted.
      if (res.statusCode < 400) void deps.counters.reset(key).catch(() => undefined);
    });
    const wait = accountSlowdownMs(count, deps.env);
    if (wait > 0) await deps.clock.sleep(wait);
    next();
  };
  return [perAddress, perAddressAndEmail, perAccount];
}

/**
 * Wrong current passwords on the change-password form, per signed-in user: a stolen session cannot be used
 * to guess the password behind it faster than sign-in allows. Mount after requireSignedIn.
 */
export function passwordChangeThrottle(deps: Omit<LoginThrottleDeps, 'clock'>): RequestHandler {
  return rateLimit({
    windowMs: WINDOW_MS,
    limit: deps.env.LOGIN_RATE_LIMIT_PER_15_MIN,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => req.session?.userId ?? ipKeyGenerator(req.ip ?? ''),
    store: new SharedRateLimitStore(deps.counters, 'password-change:'),
    handler: (_req, _res, next) => next(tooMany()),
  });
}
