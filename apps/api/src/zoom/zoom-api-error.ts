import { ZoomFailure, type ZoomFailureKind, type ZoomFailureOptions } from '../domain/ports/zoom-failure';

export type ZoomApiErrorKind = ZoomFailureKind;

/** A failed Zoom REST call: the domain's ZoomFailure, named for where it came from in logs. */
export class ZoomApiError extends ZoomFailure {
  constructor(options: ZoomFailureOptions) {
    super(options);
    this.name = 'ZoomApiError';
  }
}

export function isZoomApiError(error: unknown): error is ZoomApiError {
  return error instanceof ZoomApiError;
}
