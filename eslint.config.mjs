// One ESLint config for the whole workspace: type-aware typescript-eslint everywhere, React rules on the web,
// and the layer boundaries the README promises, so a wrong import fails `pnpm lint` (and so `pnpm test`).
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = dirname(fileURLToPath(import.meta.url));

/** Every folder under apps/web/src/features is a feature; read them so a new feature is fenced without editing this file. */
const webFeatures = readdirSync(join(root, 'apps/web/src/features'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** Adapters and wiring the domain must not know: it talks to them only through the ports it owns (domain/ports). */
const API_ADAPTER_FOLDERS = ['zoom', 'data', 'http', 'security', 'routes', 'composition', 'jobs', 'demo', 'cli'];

export default defineConfig(
  globalIgnores(['**/node_modules/', '**/dist/', '**/coverage/', 'apps/web/test-results/', 'apps/web/playwright-report/', 'bench/results/']),
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // Each package's tsconfig.json decides which files are TypeScript and how they type-check.
        projectService: true,
        tsconfigRootDir: root,
      },
      globals: { ...globals.node },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['tsconfig.json', 'apps/*/tsconfig.json', 'packages/*/tsconfig.json'], noWarnOnMultipleProjects: true })],
    },
    rules: {
      // Workspace packages are reached through their package name (`@crm/shared/...`), never `../../packages/...`.
      'import-x/no-relative-packages': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Express 5 forwards a rejected handler's promise to the error middleware, so handlers may be async.
      // In-memory repositories and fakes implement Promise-returning ports without awaiting anything; that is correct.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
    },
  },
  {
    // Plain JavaScript (configs, runner scripts) belongs to no tsconfig: lint it without type information.
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.cjs', '**/jest.config.js', 'jest.config.base.js'],
    languageOptions: { sourceType: 'commonjs' },
  },

  // Tests: supertest's `res.body` and jest's asymmetric matchers are `any` by design; the no-unsafe-* rules would only be noise there.
  {
    files: ['**/test/**/*.{ts,tsx}', '**/e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // `expect(object.method).toHaveBeenCalled()` passes methods unbound on purpose.
      '@typescript-eslint/unbound-method': 'off',
    },
  },

  // API layers.
  {
    files: ['apps/api/src/domain/**/*.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: API_ADAPTER_FOLDERS.map((folder) => ({
            target: './apps/api/src/domain',
            from: `./apps/api/src/${folder}`,
            message: `the domain depends on its own ports (domain/ports), not on src/${folder}`,
          })),
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'express', message: 'the domain knows no HTTP framework; routes translate requests into use-case calls' },
            { name: 'mongoose', message: 'only src/data talks to MongoDB' },
            { name: 'mongodb', message: 'only src/data talks to MongoDB' },
          ],
          patterns: [{ group: ['express/*', 'express-*', 'mongoose/*', 'axios', 'axios/*'], message: 'the domain reaches the outside world only through its ports' }],
        },
      ],
    },
  },
  {
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/domain/**', 'apps/api/src/data/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'mongoose', message: 'only src/data talks to MongoDB' }, { name: 'mongodb', message: 'only src/data talks to MongoDB' }] },
      ],
    },
  },

  // Web app.
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    ignores: ['apps/web/vite.config.ts', 'apps/web/playwright.config.ts', 'apps/web/e2e/**', 'apps/web/scripts/**'],
    extends: [reactHooks.configs.flat.recommended, jsxA11y.flatConfigs.recommended],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // A scrollable `role="region"` with a label must be focusable so keyboard users can scroll it (WCAG 2.1.1).
      'jsx-a11y/no-noninteractive-tabindex': ['error', { tags: [], roles: ['tabpanel', 'region'], allowExpressionValues: true }],
    },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    rules: {
      // Imports flow one way, app → features → shared code: features don't import each other (pages in src/app
      // compose them), and src/components, src/lib and src/hooks import neither features nor app.
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...webFeatures.map((feature) => ({
              target: `./apps/web/src/features/${feature}`,
              from: './apps/web/src/features',
              except: [`./${feature}`],
              message: `features/${feature} must not import another feature; compose them in src/app or move what they share to src/components or src/lib`,
            })),
            {
              target: './apps/web/src/features',
              from: './apps/web/src/app',
              message: 'features are composed by src/app, never the other way round',
            },
            ...['components', 'lib', 'hooks'].map((shared) => ({
              target: `./apps/web/src/${shared}`,
              from: ['./apps/web/src/features', './apps/web/src/app'],
              message: `src/${shared} is shared code: it must not depend on a feature or on src/app`,
            })),
          ],
        },
      ],
    },
  },
);
