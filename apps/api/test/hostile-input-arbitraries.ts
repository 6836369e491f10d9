/**
 * fast-check generators for the hostile-input sweep (hostile-input-sweep.test.ts). Every generator
 * here yields input that MUST be refused: a body mutation always breaks the schema, a forged cookie
 * never verifies, a webhook signature never matches. Valid-looking parts (free text full of RTL marks,
 * zero-width characters, NULs and lone surrogates) ride along so parsing and validation see them too.
 */
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import jwt from 'jsonwebtoken';

// ---------------------------------------------------------------------------------------------
// Strings

/** Characters that break naive code: bidi overrides, zero-width, NUL, lone surrogates, BOM, combining marks, emoji. */
export const EDGE_CHARACTERS = ['\u202E', '\u202D', '\u200F', '\u200B', '\u200D', '\u2060', '\u0000', '\uD800', '\uDFFF', '\uFEFF', '\u0301', '\u{1F4A5}', '\u0627', '\uFFFD', '\n', '\t', '"', '\\', '<', '%'];

export const edgeCharacter = fc.constantFrom(...EDGE_CHARACTERS);

/** Text made of ordinary letters and edge characters; short enough to be valid free text. */
export const edgeText = (maxLength: number) =>
  fc.array(fc.oneof(edgeCharacter, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 })), { minLength: 1, maxLength: Math.max(1, Math.floor(maxLength / 4)) })
    .map((parts) => `A${parts.join('')}`.slice(0, maxLength));

/** `value` with an edge character inside it (not at the ends, where trim() might remove it). */
export const withEdgeCharacterInside = (value: string) =>
  fc.tuple(edgeCharacter.filter((c) => c !== '\\' && c !== '"' && c !== '%' && c !== '<'), fc.integer({ min: 1, max: Math.max(1, value.length - 1) })).map(([c, at]) => `${value.slice(0, at)}${c}${value.slice(at)}`);

/** A string longer than `max` after trimming. */
export const oversizedString = (max: number) =>
  fc.oneof(
    fc.integer({ min: max + 1, max: max + 64 }).map((length) => 'x'.repeat(length)),
    fc.integer({ min: max + 1, max: max + 64 }).chain((length) => fc.string({ unit: 'grapheme', minLength: length, maxLength: length }).map((s) => `x${s.replace(/\s/g, 'y')}x`)),
    fc.constant('\u{1F4A5}'.repeat(max + 1)),
    fc.constant('y'.repeat(60_000)),
  );

/** Bytes for a URL (path segment or query value), percent-encoded byte by byte; lone surrogates become U+FFFD as in any UTF-8 encoder. */
export function percentEncode(value: string): string {
  return [...Buffer.from(value, 'utf8')].map((byte) => (/[A-Za-z0-9_.~-]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

/** Header values must stay within latin-1 or the HTTP client refuses to send them. */
export const headerText = (maxLength: number) =>
  fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).filter((c) => c !== 0x7f).map((c) => String.fromCharCode(c)), maxLength });

// ---------------------------------------------------------------------------------------------
// Ids, dates, time zones

export const BAD_ID_CONSTANTS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '$where', '{"$gt":""}', '{"$ne":null}', '[$ne]=1', '..', '.', 'null', 'undefined', '0', '-1', 'NaN', '*', "' OR '1'='1", '../../etc/passwd', 'a'.repeat(65), '0'.repeat(24)];

/** Raw (already encoded) path segments; malformed percent-encoding included. */
export const badIdSegment = fc.oneof(
  fc.constantFrom(...BAD_ID_CONSTANTS).map(percentEncode),
  fc.constantFrom('%', '%ZZ', '%E0%A4%A', '%C0%AF', '%FF', '%00', '%2e%2e', '%2F'),
  fc.uuid().map(percentEncode),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 80 }).map(percentEncode),
  fc.integer({ min: 65, max: 3_000 }).map((length) => 'i'.repeat(length)),
  edgeText(40).map(percentEncode),
);

/** Never a valid `instant` (ISO 8601 with Z or an offset): wrong shape, impossible dates, local times. */
export const badInstant = fc.oneof(
  fc.constantFrom(
    '2030-02-30T10:00:00Z',
    '2030-13-01T09:00:00Z',
    '2030-01-01T24:00:00Z',
    '2030-01-01T23:60:00Z',
    '2030-05-01T09:00:00',
    '2030-05-01',
    '09:00',
    '2030-05-01T09:00:00+99:00',
    '2030-05-01 09:00:00Z',
    '+275760-09-13T00:00:00Z',
    'tomorrow',
    'Invalid Date',
    '',
    '２０３０-０５-０１T09:00:00Z',
    '2030-05-01T09:00:00Z\u0000',
    '1e21',
  ),
  withEdgeCharacterInside('2030-05-01T09:00:00Z'),
);

/** Well-formed but in the past: an interview cannot be scheduled or moved there. */
export const pastInstant = fc
  .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date(Date.now() - 2 * 86_400_000), noInvalidDate: true })
  .map((date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z'));

/** Well-formed but more than a year ahead (2099, 9999 …): no interview is scheduled that far out. */
export const beyondHorizonInstant = fc.oneof(
  fc.constantFrom('2099-01-01T09:00:00Z', '9999-12-31T23:59:59Z'),
  fc
    .date({ min: new Date(Date.now() + 400 * 86_400_000), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
    .map((date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z')),
);

/** Never an IANA zone the runtime accepts. */
export const badTimeZone = fc.oneof(
  fc.constantFrom('Mars/Olympus_Mons', 'UTC+25', 'GMT+99', '+01:00', 'Europe/Berlin/Extra', 'Europe/', '/', '   ', '', 'Etc/Nowhere', 'Europe\\Berlin', 'x'.repeat(65), '../../etc/localtime'),
  withEdgeCharacterInside('Europe/Berlin'),
  fc.string({ unit: 'grapheme-ascii', maxLength: 20 }).map((s) => `Nowhere/${s}\u{1F4A5}`),
);

// ---------------------------------------------------------------------------------------------
// Bodies: a valid body plus exactly one change that breaks the schema

export type FieldKind =
  | { kind: 'text'; max: number; required: boolean }
  | { kind: 'email'; required: boolean }
  | { kind: 'enum'; values: readonly string[]; required: boolean }
  | { kind: 'int'; min: number; max: number; required: boolean; step?: number }
  | { kind: 'boolean'; required: boolean }
  | { kind: 'instant'; required: boolean }
  | { kind: 'timeZone'; required: boolean }
  | { kind: 'password'; min: number; max: number; required: boolean }
  | { kind: 'id'; required: boolean };

export interface BodySpec {
  /** A body the endpoint would accept (the mutation is what makes the request hostile). */
  valid: () => Record<string, unknown>;
  fields: Record<string, FieldKind>;
  /** Partial updates: at least one field, none required. */
  partial?: boolean;
}

const nonString = fc.oneof(fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }));
const nonNumber = fc.oneof(fc.string(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.integer(), { maxKeys: 3 }));
const nonBoolean = fc.oneof(fc.constantFrom('true', 'false', 'yes', 0, 1, '', null), fc.array(fc.boolean(), { maxLength: 2 }), fc.dictionary(fc.string(), fc.boolean(), { maxKeys: 2 }));

/** Values that are invalid for a field of this kind. */
export function invalidValue(field: FieldKind): fc.Arbitrary<unknown> {
  switch (field.kind) {
    case 'text':
      return fc.oneof(nonString, oversizedString(field.max), ...(field.required ? [fc.constantFrom('', '   ', '\t\n')] : []));
    case 'email':
      return fc.oneof(nonString, fc.constantFrom('', 'not-an-email', '@example.test', 'a@', 'a@@example.test', `${'a'.repeat(250)}@example.test`, 'a b@example.test'), withEdgeCharacterInside('someone@example.test'));
    case 'enum':
      return fc.oneof(nonString, fc.string({ unit: 'binary', maxLength: 30 }).filter((s) => !field.values.includes(s.trim())), withEdgeCharacterInside(field.values[0]!), fc.constant(field.values[0]!.toUpperCase()));
    case 'int':
      return fc.oneof(
        nonNumber,
        fc.integer({ max: field.min - 1 }),
        fc.integer({ min: field.max + 1 }),
        fc.double({ min: field.min, max: field.max, noNaN: true }).filter((n) => !Number.isInteger(n)),
        fc.constant(1e308),
        // Off the field's step (a 7-minute duration where the field steps by 5).
        ...(field.step ? [fc.integer({ min: field.min, max: field.max }).filter((n) => n % field.step! !== 0)] : []),
      );
    case 'boolean':
      return nonBoolean;
    case 'instant':
      return fc.oneof(nonString, badInstant, pastInstant, beyondHorizonInstant);
    case 'timeZone':
      return fc.oneof(nonString, badTimeZone);
    case 'password':
      return fc.oneof(nonString, fc.integer({ min: 0, max: Math.max(0, field.min - 1) }).map((n) => 'p'.repeat(n)), fc.constant('p'.repeat(field.max + 1)));
    case 'id':
      return fc.oneof(
        nonString,
        fc.constantFrom('', 'x'.repeat(65), ...BAD_ID_CONSTANTS.filter((id) => id.length <= 64)),
        fc.uuid(),
        fc.constant({ $gt: '' }),
        fc.constant({ $where: 'sleep(1000)' }),
        fc.constant(['__proto__']),
      );
  }
}

/** Adds a key the schema does not know, written into the JSON text so `__proto__` stays an ordinary key. */
function withUnknownKey(body: Record<string, unknown>, key: string, value: unknown): string {
  const text = JSON.stringify(body);
  return `${text.slice(0, -1)}${text.length > 2 ? ',' : ''}${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}}`;
}

export interface GeneratedBody {
  /** The exact JSON text sent. */
  json: string;
  mutation: string;
}

/**
 * `field`: a valid body with that field given an invalid value (one family per field, so every field is
 * covered whatever the seed). `structure`: unknown fields, a non-object, a missing required field.
 */
export function hostileBody(spec: BodySpec, target: { field: string } | 'structure'): fc.Arbitrary<GeneratedBody> {
  const names = Object.keys(spec.fields);
  const required = names.filter((name) => spec.fields[name]!.required);
  const textFields = names.filter((name) => spec.fields[name]!.kind === 'text');
  // Free text full of edge characters, still within the limits, so only the mutation makes the body invalid.
  const base = fc.record(Object.fromEntries(textFields.map((name) => [name, fc.option(edgeText(Math.min(100, (spec.fields[name] as { max: number }).max)), { nil: undefined })]))).map(
    (texts) => {
      const body = spec.valid();
      for (const [name, text] of Object.entries(texts)) if (text !== undefined) body[name] = text;
      return body;
    },
  );
  if (target !== 'structure') {
    const name = target.field;
    return fc.tuple(base, invalidValue(spec.fields[name]!)).map(([body, value]) => ({ json: JSON.stringify({ ...body, [name]: value }), mutation: `invalid ${name}` }));
  }
  const mutations: fc.Arbitrary<GeneratedBody>[] = [
    fc.tuple(
      base,
      fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', '$where', '$gt', 'role', 'isAdmin', 'id', 'createdById', 'meeting', ''), fc.string({ unit: 'binary', minLength: 1, maxLength: 20 })).filter((key) => !names.includes(key)),
      fc.jsonValue({ maxDepth: 2 }),
    ).map(([body, key, value]) => ({ json: withUnknownKey(body, key, value), mutation: `unknown field ${JSON.stringify(key)}` })),
    fc.oneof(fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }), fc.string(), fc.integer(), fc.constant(null), fc.boolean()).map((value) => ({ json: JSON.stringify(value), mutation: 'not an object' })),
  ];
  if (required.length > 0) {
    mutations.push(fc.tuple(base, fc.constantFrom(...required)).map(([body, name]) => {
      const { [name]: _dropped, ...rest } = body;
      return { json: JSON.stringify(rest), mutation: `missing ${name}` };
    }));
  }
  if (spec.partial) mutations.push(fc.constant({ json: '{}', mutation: 'empty update' }));
  return fc.oneof(...mutations);
}

/** Bytes that are not a JSON body the API can read: broken JSON, invalid UTF-8, other media types, too large. */
export const unreadableBody = fc.oneof(
  // Not '': an empty JSON body is no body, which body-less endpoints rightly accept.
  fc.string({ minLength: 1, maxLength: 200 }).filter((s) => {
    try {
      JSON.parse(s);
      return false;
    } catch {
      return true;
    }
  }).map((text) => ({ contentType: 'application/json', body: text, label: 'malformed JSON' })),
  fc.constantFrom('{"a":1', '{"a":}', "{'a':1}", '{"a":1}}', '\u0000', 'NaN', '{"__proto__":').map((text) => ({ contentType: 'application/json', body: text, label: 'malformed JSON' })),
  fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => ({ contentType: 'application/json', body: Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xff, 0xfe, ...bytes]), Buffer.from('"')]), label: 'invalid UTF-8' })),
  fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/json; charset=iso-8859-1').map((contentType) => ({ contentType, body: '{"email":"a@example.test"}', label: `content-type ${contentType}` })),
  fc.constant({ contentType: 'application/json', body: JSON.stringify({ padding: 'z'.repeat(120_000) }), label: 'body over 100kb' }),
);

// ---------------------------------------------------------------------------------------------
// Sessions

export interface SessionForgeryContext {
  /** A real session token of a real user, to tamper with. */
  realToken: string;
  jwtSecret: string;
  issuer: string;
  audience: string;
  userId: string;
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Session cookie values the API must refuse: tampered, unsigned, wrongly signed, expired, garbage. */
export function forgedSessionCookie(context: SessionForgeryContext): fc.Arbitrary<{ value: string; label: string }> {
  const [header, payload, signature] = context.realToken.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  const now = Math.floor(Date.now() / 1000);
  return fc.oneof(
    fc.record({ role: fc.constantFrom('admin', 'superuser', 'recruiter'), sub: fc.oneof(fc.constant(context.userId), fc.uuid()) }).map((changes) => ({
      value: `${header}.${base64url({ ...claims, ...changes })}.${signature}`,
      label: 'tampered claims, original signature',
    })),
    fc.constant({ value: `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ ...claims, role: 'admin' })}.`, label: 'alg none' }),
    fc.string({ minLength: 1, maxLength: 40 }).map((secret) => ({ value: jwt.sign({ ...claims, role: 'admin' }, `${secret}-wrong`, { algorithm: 'HS256' }), label: 'signed with another secret' })),
    fc.constantFrom('HS384', 'HS512').map((algorithm) => ({
      value: jwt.sign({ ...claims }, context.jwtSecret, { algorithm: algorithm as jwt.Algorithm }),
      label: `right secret, ${algorithm} instead of HS256`,
    })),
    fc.constant({ value: jwt.sign({ ...claims, iat: now - 7200, exp: now - 3600 }, context.jwtSecret, { algorithm: 'HS256' }), label: 'expired' }),
    fc.constantFrom({ iss: 'someone-else' }, { aud: 'another-app' }, { role: 'owner' }, { csrf: 42 }, { sub: 7 }).map((changes) => ({
      value: jwt.sign({ ...claims, ...changes }, context.jwtSecret, { algorithm: 'HS256' }),
      label: `right secret, bad claims ${Object.keys(changes)[0]}`,
    })),
    fc.constant({ value: `${header}.${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`, label: 'signature changed' }),
    // `j:`-prefixed values are JSON cookies to cookie-parser (not a string, so no session at all): the missing-session family covers them.
    fc.string({ unit: 'binary', minLength: 1, maxLength: 300 }).filter((text) => !text.startsWith('j:')).map((text) => ({ value: percentEncode(text), label: 'garbage' })),
    fc.constantFrom('x'.repeat(7_000), '%00', '%E2%80%AE', 'null', 'undefined', '[object Object]', 'a.b.c', '...').map((value) => ({ value, label: 'garbage' })),
  );
}

// ---------------------------------------------------------------------------------------------
// Webhooks

export interface WebhookForgeryContext {
  secretToken: string;
  /** A Zoom user the store has a connection for: a forged deauthorization for them would do damage. */
  connectedZoomUserId: string;
  connectedZoomAccountId: string;
  clientId: string;
}

export interface ForgedWebhook {
  body: string;
  timestamp: string | undefined;
  signature: string | undefined;
  label: string;
}

const sign = (secret: string, timestamp: string, body: string) => `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;

/** Events a real Zoom would send, signed wrongly (or not at all, or too long ago). */
export function forgedWebhook(context: WebhookForgeryContext): fc.Arbitrary<ForgedWebhook> {
  const nowSeconds = () => Math.floor(Date.now() / 1000);
  const event = fc.oneof(
    fc.constant({
      event: 'app_deauthorized',
      event_ts: Date.now(),
      payload: { account_id: context.connectedZoomAccountId, user_id: context.connectedZoomUserId, client_id: context.clientId, deauthorization_time: new Date().toISOString(), signature: 'x' },
    }),
    fc.string({ maxLength: 64 }).map((plainToken) => ({ event: 'endpoint.url_validation', event_ts: Date.now(), payload: { plainToken } })),
    fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  ).map((value) => JSON.stringify(value));
  return fc.oneof(
    event.map((body) => ({ body, timestamp: undefined, signature: undefined, label: 'unsigned' })),
    event.map((body) => ({ body, timestamp: String(nowSeconds()), signature: undefined, label: 'no signature' })),
    event.map((body) => ({ body, timestamp: undefined, signature: sign(context.secretToken, String(nowSeconds()), body), label: 'no timestamp' })),
    fc.tuple(event, fc.string({ minLength: 1, maxLength: 40 })).map(([body, secret]) => {
      const timestamp = String(nowSeconds());
      return { body, timestamp, signature: sign(`${secret}-not-the-secret`, timestamp, body), label: 'signed with another secret' };
    }),
    fc.tuple(event, fc.integer({ min: 6 * 60, max: 10 * 365 * 86_400 }), fc.boolean()).map(([body, skew, future]) => {
      const timestamp = String(nowSeconds() + (future ? skew : -skew));
      return { body, timestamp, signature: sign(context.secretToken, timestamp, body), label: 'right secret, stale or future timestamp' };
    }),
    fc.tuple(event, event).filter(([a, b]) => a !== b).map(([signed, sent]) => {
      const timestamp = String(nowSeconds());
      return { body: sent, timestamp, signature: sign(context.secretToken, timestamp, signed), label: 'signature of another body' };
    }),
    event.map((body) => {
      const timestamp = String(nowSeconds());
      return { body, timestamp, signature: sign(context.secretToken, timestamp, body).toUpperCase(), label: 'signature case changed' };
    }),
    fc.tuple(event, headerText(80), headerText(120)).map(([body, timestamp, signature]) => ({ body, timestamp, signature, label: 'garbage headers' })),
  );
}
