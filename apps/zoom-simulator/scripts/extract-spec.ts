/**
 * Extracts the meeting create/update request schemas (and the create response schema) from
 * Zoom's OpenAPI file into src/spec/meeting-request-schemas.json. The output is committed because
 * ../shared exists on our machines and CI but not in a user's clone.
 *
 *   pnpm extract-spec                      # reads <repo root>/../shared/zoom/zoom-meeting-api-openapi.json
 *   ZOOM_OPENAPI_PATH=/x/spec.json pnpm extract-spec
 */
import fs from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

export const EXTRACTED_SCHEMAS_PATH = path.resolve(__dirname, '..', 'src', 'spec', 'meeting-request-schemas.json');

export function resolveOpenApiPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.ZOOM_OPENAPI_PATH ?? path.resolve(repoRoot, '..', 'shared', 'zoom', 'zoom-meeting-api-openapi.json');
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, { requestBody?: Json; responses?: Record<string, Json> }>>;
}

export interface ExtractedMeetingSchemas {
  source: { openapi: string; title: string; version: string; operations: string[] };
  createMeetingRequest: Json;
  updateMeetingRequest: Json;
  createMeetingResponse: Json;
}

export function extractMeetingSchemas(document: OpenApiDocument): ExtractedMeetingSchemas {
  const root = document as unknown as Json;
  const jsonSchemaOf = (holder: Json | undefined, where: string): Json => {
    const schema = property(property(property(holder, 'content'), 'application/json'), 'schema');
    if (schema === undefined) throw new Error(`No application/json schema at ${where}`);
    return resolveRefs(schema, root, []);
  };
  const create = document.paths['/users/{userId}/meetings']?.post;
  const update = document.paths['/meetings/{meetingId}']?.patch;
  if (!create || !update) throw new Error('The OpenAPI file lacks POST /users/{userId}/meetings or PATCH /meetings/{meetingId}');

  return {
    source: {
      openapi: document.openapi,
      title: document.info.title,
      version: document.info.version,
      operations: ['POST /users/{userId}/meetings', 'PATCH /meetings/{meetingId}'],
    },
    createMeetingRequest: jsonSchemaOf(create.requestBody, 'POST /users/{userId}/meetings requestBody'),
    updateMeetingRequest: jsonSchemaOf(update.requestBody, 'PATCH /meetings/{meetingId} requestBody'),
    createMeetingResponse: jsonSchemaOf(create.responses?.['201'], 'POST /users/{userId}/meetings 201'),
  };
}

export function serializeExtractedSchemas(schemas: ExtractedMeetingSchemas): string {
  return `${JSON.stringify(schemas, null, 2)}\n`;
}

function property(value: Json | undefined, key: string): Json | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  return value[key];
}

function resolveRefs(value: Json, root: Json, refStack: string[]): Json {
  if (Array.isArray(value)) return value.map((item) => resolveRefs(item, root, refStack));
  if (value === null || typeof value !== 'object') return value;

  const ref = value.$ref;
  if (typeof ref === 'string') {
    // A recursive schema cannot be inlined; none of the meeting schemas are, so fail loudly if that changes.
    if (refStack.includes(ref)) throw new Error(`Circular $ref ${ref}`);
    const { $ref: _ignored, ...siblings } = value;
    const target = resolveRefs(followPointer(root, ref), root, [...refStack, ref]);
    return Object.keys(siblings).length === 0 ? target : { ...(target as object), ...resolveRefs(siblings, root, refStack) as object };
  }

  const out: { [key: string]: Json } = {};
  for (const [key, child] of Object.entries(value)) out[key] = resolveRefs(child, root, refStack);
  return out;
}

function followPointer(root: Json, ref: string): Json {
  if (!ref.startsWith('#/')) throw new Error(`Only local $refs are supported, got ${ref}`);
  let node: Json | undefined = root;
  for (const raw of ref.slice(2).split('/')) {
    node = property(node, raw.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (node === undefined) throw new Error(`Unresolvable $ref ${ref}`);
  }
  return node;
}

export function readOpenApiDocument(specPath: string): OpenApiDocument {
  return JSON.parse(fs.readFileSync(specPath, 'utf8')) as OpenApiDocument;
}

if (require.main === module) {
  const specPath = resolveOpenApiPath();
  if (!fs.existsSync(specPath)) {
    console.error(`Zoom OpenAPI file not found at ${specPath}; set ZOOM_OPENAPI_PATH to its location.`);
    process.exit(1);
  }
  const output = serializeExtractedSchemas(extractMeetingSchemas(readOpenApiDocument(specPath)));
  fs.writeFileSync(EXTRACTED_SCHEMAS_PATH, output);
  console.log(`Wrote ${path.relative(process.cwd(), EXTRACTED_SCHEMAS_PATH)} (${output.length} bytes) from ${specPath}`);
}
