import type { RequestHandler } from 'express';
import { classifyEndpoint } from '../endpoint-keys';
import type { SimulatorState } from '../state/simulator-state';
import { pathOf, requestContext, setRequestContext } from './request-context';

/** Records every request once it ends, including ones a fault cut off (status 0). */
export function recordRequests(state: SimulatorState): RequestHandler {
  return (req, res, next) => {
    const at = state.now();
    const startedMs = Date.now();
    const path = pathOf(req);
    setRequestContext(res, { endpoint: classifyEndpoint(req.method, path), details: {} });
    let recorded = false;
    const finish = () => {
      if (recorded) return;
      recorded = true;
      const context = requestContext(res);
      const status = res.writableFinished ? res.statusCode : 0;
      state.log.record({ at, method: req.method, path, endpoint: context.endpoint, status, ...withoutUndefined(context.details) });
      if (state.options.logRequests) {
        console.log(`[zoom-sim] ${req.method} ${path} -> ${status || 'reset'} (${context.endpoint}, ${Date.now() - startedMs} ms)`);
      }
    };
    res.on('finish', finish);
    res.on('close', finish);
    next();
  };
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
