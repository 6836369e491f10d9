import { setTimeout as delay } from 'node:timers/promises';
import type { RequestHandler } from 'express';
import { renderErrorPage } from '../pages/error-page';
import { requestContext } from '../routes/request-context';
import type { SimulatorState } from '../state/simulator-state';
import { defaultFaultBody } from '../zoom-error-bodies';

export function applyFaults(state: SimulatorState): RequestHandler {
  return async (req, res, next) => {
    const context = requestContext(res);
    const rule = state.faults.take(context.endpoint);
    if (!rule) return next();
    context.details.faultId = rule.id;

    if (rule.latencyMs) await delay(rule.latencyMs);
    // The client gave up during the delay: its body was never fully read, so judging it would
    // record a spec violation the product did not commit.
    if (req.socket.destroyed) return;
    if (rule.resetConnection) {
      req.socket.destroy();
      return;
    }
    if (rule.status === undefined) return next();

    if (rule.retryAfterSeconds !== undefined) res.set('Retry-After', String(Math.ceil(rule.retryAfterSeconds)));
    res.status(rule.status);
    if (rule.body !== undefined) {
      if (typeof rule.body === 'string') res.send(rule.body);
      else res.json(rule.body);
    } else if (context.endpoint === 'oauth.authorize') {
      res.type('html').send(renderErrorPage(`Zoom is unavailable right now (HTTP ${rule.status}). Please try again later.`));
    } else {
      res.json(defaultFaultBody(rule.status, context.endpoint.startsWith('oauth.')));
    }
  };
}
