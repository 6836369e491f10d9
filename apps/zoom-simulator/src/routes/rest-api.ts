import express, { Router, type ErrorRequestHandler } from 'express';
import type { SimulatorState } from '../state/simulator-state';
import { invalidJsonBody } from '../zoom-error-bodies';
import { requireAccessToken } from './bearer-auth';
import { enforceRateLimits } from './enforce-rate-limits';
import { meetingsRouter, recordInvalidJson } from './meetings';
import { pastMeetingsRouter } from './past-meetings';
import { requestContext } from './request-context';
import { usersRouter } from './users';

/** Everything under /v2: a valid bearer token first, then the JSON body, then the resource routes. */
export function restApiRouter(state: SimulatorState): Router {
  const router = Router();
  router.use(requireAccessToken(state));
  router.use(enforceRateLimits(state));
  router.use(express.json({ limit: '1mb' }));
  router.use(usersRouter(state));
  router.use(meetingsRouter(state));
  router.use(pastMeetingsRouter(state));
  router.use((_req, res) => {
    res.status(404).json({ code: 404, message: 'Not Found' });
  });

  const malformedJson: ErrorRequestHandler = (error: { type?: string }, req, res, next) => {
    if (error.type !== 'entity.parse.failed') return next(error);
    const { endpoint } = requestContext(res);
    if (endpoint === 'meetings.create' || endpoint === 'meetings.update') recordInvalidJson(state, req, endpoint);
    res.status(400).json(invalidJsonBody());
  };
  router.use(malformedJson);
  return router;
}
