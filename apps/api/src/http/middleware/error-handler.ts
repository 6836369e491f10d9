import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { ErrorEnvelope } from '@crm/shared/error-codes';
import { AppError, isAppError } from '../../errors/app-error';

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError({ code: 'route_not_found', status: 404, message: `No route for ${req.method} ${req.path}` }));
};

interface BodyParserError {
  type?: string;
  status?: number;
}

function toAppError(error: unknown): AppError | null {
  if (isAppError(error)) return error;
  const parserError = error as BodyParserError;
  switch (parserError?.type) {
    case 'entity.parse.failed':
      return new AppError({ code: 'malformed_json', status: 400, message: 'The body is not valid JSON' });
    case 'entity.too.large':
      return new AppError({ code: 'payload_too_large', status: 413, message: 'The body is too large' });
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError({ code: 'unsupported_media_type', status: 415, message: 'Unsupported body encoding' });
    default:
      if (typeof parserError?.status === 'number' && parserError.status >= 400 && parserError.status < 500) {
        return new AppError({ code: 'validation_failed', status: parserError.status, message: 'The request could not be read' });
      }
      return null;
  }
}

/** Every failure leaves as the one envelope; unknown errors are logged and answered with nothing revealing. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const known = toAppError(error);
    const log = req.log ?? logger;
    let envelope: ErrorEnvelope;
    let status: number;
    if (known) {
      status = known.status;
      envelope = { error: { code: known.code, message: known.message, ...(known.details === undefined ? {} : { details: known.details }) } };
      if (status >= 500) log.error({ err: known, code: known.code }, 'request failed');
    } else {
      status = 500;
      envelope = { error: { code: 'internal_error', message: 'Something went wrong on our side. Quote the request id when reporting it.', details: { requestId: req.id } } };
      log.error({ err: error }, 'unhandled error');
    }
    if (res.headersSent) return;
    res.status(status).json(envelope);
  };
}
