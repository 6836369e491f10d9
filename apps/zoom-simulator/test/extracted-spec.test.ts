import fs from 'node:fs';
import {
  EXTRACTED_SCHEMAS_PATH,
  extractMeetingSchemas,
  readOpenApiDocument,
  resolveOpenApiPath,
  serializeExtractedSchemas,
} from '../scripts/extract-spec';

describe('committed meeting request schemas', () => {
  test('equal a fresh extraction from Zoom’s OpenAPI file when ../shared/zoom is present', () => {
    const specPath = resolveOpenApiPath();
    if (!fs.existsSync(specPath)) {
      console.log(`skipped: ../shared/zoom not present (looked for ${specPath}); the committed schemas are used as they are`);
      return;
    }

    const fresh = serializeExtractedSchemas(extractMeetingSchemas(readOpenApiDocument(specPath)));

    expect(fs.readFileSync(EXTRACTED_SCHEMAS_PATH, 'utf8')).toBe(fresh);
  });

  test('inline every $ref so the simulator needs nothing else', () => {
    expect(fs.readFileSync(EXTRACTED_SCHEMAS_PATH, 'utf8')).not.toContain('"$ref"');
  });
});
