export { createZoomSimulator } from './create-zoom-simulator';
export { startZoomSimulator, type RunningZoomSimulator } from './start-zoom-simulator';
export { DEFAULT_SIMULATED_USERS } from './default-users';
export { ZOOM_FAITHFUL_OPTIONS } from './zoom-faithful-options';
export { LENIENT_POLICY } from './simulator-options';
export type { SimulatedZoomUser } from './simulated-zoom-user';
export type {
  DailyLimitResponseShape,
  RateLimitPlan,
  ScopeStyle,
  SimulatorPolicy,
  StartLinkPolicy,
  WebhookDeliveryPolicy,
  ZoomSimulatorOptions,
} from './simulator-options';
export type {
  SimulatorStats,
  UrlValidationDelivery,
  WebhookOptions,
  ZoomSimulatorControl,
} from './control/zoom-simulator-control';
export type { EndpointKey } from './endpoint-keys';
export type { ActiveFault, FaultRule } from './faults/fault-injector';
export type { SimulatedMeeting } from './state/meeting-store';
export type { GrantCounts, RecordedRequest, SpecViolation } from './state/request-log';
export type { WebhookDelivery } from './webhooks/send-webhook';
export type { WebhookAttempt, WebhookDeliveryRecord } from './webhooks/webhook-dispatcher';
export { signWebhook } from './webhooks/send-webhook';
export type { EmittedActivity, EmittedEvent } from './live-meetings/emit-meeting-activity';
export type { ActiveWebhookFault, WebhookFaultRule } from './webhooks/webhook-faults';
export { ENDPOINT_RATE_LIMIT_CATEGORY, PER_SECOND_LIMITS } from './rate-limits/rate-limit-categories';
export type { HostConcurrency, HostConcurrencyReport, AllowanceOptions } from './live-meetings/host-concurrency';
