import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { CSRF_HEADER } from '@crm/shared/auth';
import { AppError } from '../../errors/app-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Two layers a cross-site form cannot pass: an Origin outside `allowedOrigins` (ALLOWED_ORIGINS, by default
 * WEB_APP_URL's origin; compared exactly, scheme, host and port) is refused outright, and a signed-in
 * state-changing request must echo the session's CSRF secret in a header (forms cannot set headers).
 * Requests without a session (login) are covered by requiring a JSON body, which forms cannot send.
 */
export function csrfProtection(options: { allowedOrigins: string[]; exemptPaths: string[] }): RequestHandler {
  const allowed = new Set(options.allowedOrigins.map((origin) => new URL(origin).origin));
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method) || options.exemptPaths.includes(req.path)) return next();
    const origin = req.get('origin');
    if (origin && !allowed.has(origin)) {
      // Operators serving the web app from a new address find the reason here, not in the browser.
      req.log?.warn({ origin }, 'state-changing request from an origin not in ALLOWED_ORIGINS refused');
      return next(new AppError({ code: 'csrf_failed', status: 403, message: 'Cross-site request refused' }));
    }
    if (!req.is('application/json') && (req.get('content-length') ?? '0') !== '0') {
      return next(new AppError({ code: 'unsupported_media_type', status: 415, message: 'Send the body as application/json' }));
    }
    if (req.session) {
      // Compare bytes, not characters: a non-ASCII header of the right length would make timingSafeEqual throw.
      const sent = Buffer.from(req.get(CSRF_HEADER) ?? '');
      const expected = Buffer.from(req.session.csrf);
      const ok = sent.length === expected.length && timingSafeEqual(sent, expected);
      if (!ok) return next(new AppError({ code: 'csrf_failed', status: 403, message: `Missing or wrong ${CSRF_HEADER} header` }));
    }
    next();
  };
}
