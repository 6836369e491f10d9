// The layer boundaries are kept by ESLint (eslint.config.mjs), so this proves the rules fire: each case lints a
// small file placed where a developer would write it, through the real workspace config, as `pnpm lint` does.
// Files and folders it imports are picked from the tree as it is, so renaming one does not break the test.
// The probe is never written to disk, so no tsconfig knows it: type-aware rules are switched off for it alone
// (the boundary rules need no types); every other rule and setting is the workspace's own.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const eslint = new ESLint({ cwd: root, overrideConfig: [{ ...tseslint.configs.disableTypeChecked, files: ['**/boundary-probe.ts'] }] });

const subfolders = (dir) => readdirSync(join(root, dir), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
const firstModule = (dir) => {
  const file = readdirSync(join(root, dir)).filter((name) => /\.tsx?$/.test(name) && !name.endsWith('.d.ts')).sort()[0];
  assert.ok(file, `expected a TypeScript module in ${dir}`);
  return file.replace(/\.tsx?$/, '');
};

/** Lints `code` as if saved at `file` (relative to the repository root) and returns its messages. */
async function lint(file, code) {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return result.messages.map(({ ruleId, message }) => ({ ruleId, message }));
}

const ruleIds = (messages) => messages.map((message) => message.ruleId ?? `fatal: ${message.message}`);

describe('API domain boundary', () => {
  const domainFolder = subfolders('apps/api/src/domain').find((name) => name !== 'ports');
  const probe = `apps/api/src/domain/${domainFolder}/boundary-probe.ts`;

  test('when a domain file imports from src/zoom, lint fails naming the boundary', async () => {
    const zoomModule = firstModule('apps/api/src/zoom');
    const messages = await lint(probe, `import * as zoom from '../../zoom/${zoomModule}';\nexport const probe = zoom;\n`);
    assert.deepEqual(ruleIds(messages), ['import-x/no-restricted-paths']);
    assert.match(messages[0].message, /domain depends on its own ports/);
  });

  for (const adapter of ['data', 'security', 'http']) {
    test(`when a domain file imports from src/${adapter}, lint fails`, async () => {
      const messages = await lint(probe, `import * as adapter from '../../${adapter}/${firstModule(`apps/api/src/${adapter}`)}';\nexport const probe = adapter;\n`);
      assert.deepEqual(ruleIds(messages), ['import-x/no-restricted-paths']);
    });
  }

  test('when a domain file imports Express or mongoose, lint fails', async () => {
    const messages = await lint(probe, `import type { Request } from 'express';\nimport mongoose from 'mongoose';\nexport type Probe = Request;\nexport const probe = mongoose;\n`);
    assert.deepEqual(ruleIds(messages), ['no-restricted-imports', 'no-restricted-imports']);
  });

  test('when a domain file imports a port the domain owns, lint passes', async () => {
    const port = firstModule('apps/api/src/domain/ports');
    const messages = await lint(probe, `import type * as port from '../ports/${port}';\nexport type Probe = typeof port;\n`);
    assert.deepEqual(ruleIds(messages), []);
  });
});

describe('mongoose stays in src/data', () => {
  test('when a route imports mongoose, lint fails', async () => {
    const messages = await lint('apps/api/src/routes/boundary-probe.ts', `import mongoose from 'mongoose';\nexport const probe = mongoose;\n`);
    assert.deepEqual(ruleIds(messages), ['no-restricted-imports']);
  });

  test('when a repository in src/data imports mongoose, lint passes', async () => {
    const messages = await lint('apps/api/src/data/boundary-probe.ts', `import mongoose from 'mongoose';\nexport const probe = mongoose;\n`);
    assert.deepEqual(ruleIds(messages), []);
  });
});

describe('web features', () => {
  const [featureA, featureB] = subfolders('apps/web/src/features');
  const probe = `apps/web/src/features/${featureA}/components/boundary-probe.ts`;

  test('when one feature imports another feature, lint fails', async () => {
    const otherApi = firstModule(`apps/web/src/features/${featureB}/api`);
    const messages = await lint(probe, `import * as other from '../../${featureB}/api/${otherApi}';\nexport const probe = other;\n`);
    assert.deepEqual(ruleIds(messages), ['import-x/no-restricted-paths']);
    assert.match(messages[0].message, new RegExp(`features/${featureA} must not import another feature`));
  });

  test('when a feature imports its own api and the shared src/lib, lint passes', async () => {
    const ownApi = firstModule(`apps/web/src/features/${featureA}/api`);
    const lib = firstModule('apps/web/src/lib');
    const messages = await lint(probe, `import * as own from '../api/${ownApi}';\nimport * as lib from '../../../lib/${lib}';\nexport const probe = [own, lib];\n`);
    assert.deepEqual(ruleIds(messages), []);
  });
});

describe('web shared code', () => {
  test('when src/lib imports a feature, lint fails', async () => {
    const [feature] = subfolders('apps/web/src/features');
    const api = firstModule(`apps/web/src/features/${feature}/api`);
    const messages = await lint('apps/web/src/lib/boundary-probe.ts', `import * as feature from '../features/${feature}/api/${api}';\nexport const probe = feature;\n`);
    assert.deepEqual(ruleIds(messages), ['import-x/no-restricted-paths']);
    assert.match(messages[0].message, /src\/lib is shared code/);
  });
});

describe('workspace packages', () => {
  test('when the web app reaches into packages/shared by a relative path, lint fails', async () => {
    const messages = await lint('apps/web/src/lib/boundary-probe.ts', `import * as auth from '../../../../packages/shared/src/auth';\nexport const probe = auth;\n`);
    assert.deepEqual(ruleIds(messages), ['import-x/no-relative-packages']);
  });

  test('when the web app imports @crm/shared by its package name, lint passes', async () => {
    const messages = await lint('apps/web/src/lib/boundary-probe.ts', `import * as auth from '@crm/shared/auth';\nexport const probe = auth;\n`);
    assert.deepEqual(ruleIds(messages), []);
  });
});
