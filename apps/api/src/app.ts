import { randomUUID } from 'node:crypto';
import express, { type Express } from 'express';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { zoomEndpoints } from '@crm/shared/zoom-connection';
import type { AppDeps } from './app-deps';
import { pathOnly } from './logging/create-logger';
import { readSession } from './http/middleware/authenticate';
import { csrfProtection } from './http/middleware/csrf-protection';
import { errorHandler, notFoundHandler } from './http/middleware/error-handler';
import { serveWebApp } from './http/serve-web-app';
import { sessionTokenOptions } from './security/session-token-options';
import { healthRoutes } from './routes/health-routes';
import { authRoutes } from './routes/auth-routes';
import { adminUserRoutes } from './routes/admin-user-routes';
import { adminZoomRoutes } from './routes/admin-zoom-routes';
import { zoomConnectionRoutes } from './routes/zoom-connection-routes';
import { zoomWebhookRoutes } from './routes/zoom-webhook-routes';
import { interviewRoutes } from './routes/interview-routes';
import { meetingDefaultsRoutes } from './routes/meeting-defaults-routes';
import { meetingAnalyticsRoutes } from './routes/meeting-analytics-routes';
import { calendarRoutes } from './routes/calendar-routes';
import { reminderRoutes } from './routes/reminder-routes';
import { recordingRoutes } from './routes/recording-routes';
import { ssoRoutes } from './routes/sso-routes';
import { auditRoutes } from './routes/audit-routes';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Paths that authenticate by other means than the session (Zoom signs its webhooks). */
export const CSRF_EXEMPT_PATHS: string[] = [zoomEndpoints.webhook.path];

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // JSON answers are no-store (typed-route.ts), so an ETag (a SHA-1 of every body sent) would never be used.
  app.set('etag', false);
  app.set('trust proxy', deps.env.TRUST_PROXY);

  app.use(
    pinoHttp({
      logger: deps.logger,
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      // Only method, path and status: headers carry cookies, query strings carry OAuth codes.
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: pathOnly(req.url) }),
        // pino-http hands a wrapped response whose statusCode is null until headers are sent; the raw one is exact.
        res: (res: { statusCode: number | null; raw?: { statusCode: number } }) => ({ statusCode: res.raw?.statusCode ?? res.statusCode }),
      },
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    }),
  );
  app.use(helmet());
  // JSON lists (interviews, audit log, admin table) shrink 5–10× gzipped; tiny answers stay as they are.
  app.use(compression());
  app.use(cookieParser());
  app.use(
    express.json({
      limit: '100kb',
      // Zoom's webhook signature covers the exact bytes it sent.
      verify: (req, _res, buffer) => {
        (req as express.Request).rawBody = buffer;
      },
    }),
  );
  app.use(readSession(sessionTokenOptions(deps.env), deps.sessions));
  app.use(csrfProtection({ allowedOrigins: deps.env.ALLOWED_ORIGINS ?? [deps.env.WEB_APP_URL], exemptPaths: CSRF_EXEMPT_PATHS }));

  app.use(healthRoutes(deps));
  app.use(authRoutes(deps));
  app.use(adminUserRoutes(deps));
  app.use(zoomWebhookRoutes(deps));
  app.use(zoomConnectionRoutes(deps));
  app.use(adminZoomRoutes(deps));
  app.use(interviewRoutes(deps));
  app.use(meetingDefaultsRoutes(deps));
  app.use(meetingAnalyticsRoutes(deps));
  app.use(calendarRoutes(deps));
  app.use(reminderRoutes(deps));
  app.use(recordingRoutes(deps));
  app.use(ssoRoutes(deps));
  app.use(auditRoutes(deps));
  if (deps.env.WEB_DIST_DIR) app.use(serveWebApp(deps.env.WEB_DIST_DIR));

  app.use(notFoundHandler);
  app.use(errorHandler(deps.logger));
  return app;
}
