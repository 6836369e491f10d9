import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parseZoomStartTime, ZOOM_START_TIME_PATTERN } from '../meeting-time';
import extracted from './meeting-request-schemas.json';

export interface ValidationIssue {
  field: string;
  message: string;
  /** 'openapi' for Zoom's published schema; 'zoom-docs' for limits Zoom documents but the file omits. */
  source: 'openapi' | 'zoom-docs';
  keyword?: string;
}

export type ValidationResult = { valid: true } | { valid: false; issues: ValidationIssue[] };

// Zoom's OpenAPI file is OpenAPI 3.0 (example, deprecated, x-* keywords): strict mode would reject it.
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
// Zoom accepts local wall-clock times (no offset) next to RFC 3339; the stricter start_time rule is below.
ajv.addFormat('date-time', (value: string) => ZOOM_START_TIME_PATTERN.test(value) || !Number.isNaN(Date.parse(value)));
for (const openApiOnlyFormat of ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password']) ajv.addFormat(openApiOnlyFormat, true);

const validators = {
  create: ajv.compile(extracted.createMeetingRequest as object),
  update: ajv.compile(extracted.updateMeetingRequest as object),
  createResponse: ajv.compile(extracted.createMeetingResponse as object),
};

const PASSCODE_PATTERN = /^[A-Za-z0-9@\-_*]{1,10}$/;

export function validateMeetingRequest(kind: 'create' | 'update', body: unknown): ValidationResult {
  const validate = validators[kind];
  const issues = validate(body) ? [] : toIssues(validate);
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) issues.push(...documentedLimitIssues(body as Record<string, unknown>));
  return issues.length === 0 ? { valid: true } : { valid: false, issues: dedupe(issues) };
}

/** For tests: does a simulated create response still satisfy Zoom's published 201 schema? */
export function validateCreateMeetingResponse(body: unknown): ValidationResult {
  return validators.createResponse(body) ? { valid: true } : { valid: false, issues: toIssues(validators.createResponse) };
}

function documentedLimitIssues(body: Record<string, unknown>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const { topic, password, start_time: startTime } = body;
  if (typeof topic === 'string' && topic.length > 200) {
    issues.push({ field: 'topic', message: 'must NOT have more than 200 characters', source: 'zoom-docs', keyword: 'maxLength' });
  }
  if (typeof password === 'string' && !PASSCODE_PATTERN.test(password)) {
    issues.push({
      field: 'password',
      message: 'must be at most 10 characters of letters, digits and @ - _ *',
      source: 'zoom-docs',
      keyword: 'pattern',
    });
  }
  if (typeof startTime === 'string' && parseZoomStartTime(startTime, 'UTC') === undefined) {
    issues.push({
      field: 'start_time',
      message: 'must be yyyy-MM-ddTHH:mm:ssZ (UTC) or yyyy-MM-ddTHH:mm:ss with a timezone',
      source: 'zoom-docs',
      keyword: 'format',
    });
  }
  return issues;
}

function toIssues(validate: ValidateFunction): ValidationIssue[] {
  return (validate.errors ?? []).map((error: ErrorObject) => ({
    field: fieldOf(error),
    message: error.message ?? 'is invalid',
    source: 'openapi' as const,
    keyword: error.keyword,
  }));
}

function fieldOf(error: ErrorObject): string {
  const path = error.instancePath.split('/').filter(Boolean).join('.');
  const missingProperty = error.keyword === 'required' ? (error.params as { missingProperty?: unknown }).missingProperty : undefined;
  const missing = typeof missingProperty === 'string' ? missingProperty : '';
  return [path, missing].filter(Boolean).join('.');
}

function dedupe(issues: ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.field}|${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
