// Compiles the API for production: src/main.ts and the reencrypt and migrate CLIs become plain CommonJS in dist/ that `node` runs.
// Workspace packages (@crm/shared ships TypeScript source) are bundled in; every npm package stays an external
// `require`, loaded from node_modules at run time exactly as installed.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const apiRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(apiRoot, 'dist');

/** Bare specifiers are npm packages, except our own `@crm/*` workspace packages, which are compiled in. */
const externalNpmPackages = {
  name: 'external-npm-packages',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@crm/') ? undefined : { path: args.path, external: true }));
  },
};

rmSync(outdir, { recursive: true, force: true });
const started = performance.now();
await build({
  absWorkingDir: apiRoot,
  entryPoints: { main: 'src/main.ts', 'cli/reencrypt-tokens': 'src/cli/reencrypt-tokens.ts', 'cli/migrate-database': 'src/cli/migrate-database.ts' },
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  // Class and function names appear in logs and error types; keep them readable.
  keepNames: true,
  plugins: [externalNpmPackages],
  logLevel: 'warning',
});
console.log(`API compiled to ${outdir} in ${Math.round(performance.now() - started)} ms`);
