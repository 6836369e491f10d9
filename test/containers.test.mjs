// Docker is not on every machine that runs the tests, so `docker compose config` and `docker build` cannot
// be relied on here: this checks the Dockerfile and docker-compose.yml as files, against the API's own
// configuration (apps/api/src/config/env.ts), so a renamed variable or stage cannot go unnoticed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const read = (file) => readFileSync(join(root, file), 'utf8');
const compose = parse(read('docker-compose.yml'));
const dockerfile = read('Dockerfile');
const envTs = read('apps/api/src/config/env.ts');
const apiVariables = new Set([...(/const envSchema = z\.object\(\{([\s\S]*?)\n\}\);/.exec(envTs)?.[1] ?? '').matchAll(/^\s{2}([A-Z][A-Z0-9_]*):/gm)].map((m) => m[1]));

/** The Dockerfile's stages, in order, each with its instructions. */
function stages() {
  const result = [];
  // One instruction per entry: continuation lines joined, comments dropped.
  const instructions = dockerfile.replace(/\\\n\s*/g, ' ').split('\n').filter((line) => !line.startsWith('#'));
  for (const line of instructions) {
    const from = /^FROM\s+\S+(?:\s+AS\s+(\S+))?/i.exec(line);
    if (from) result.push({ name: from[1] ?? null, lines: [] });
    else if (result.length > 0 && /^[A-Z]+\s/.test(line)) result.at(-1).lines.push(line);
  }
  return result;
}

describe('Dockerfile', () => {
  test('is multi-stage: a build stage with pnpm, and a runtime stage last, as the default target', () => {
    const all = stages();
    assert.ok(all.length >= 2);
    assert.equal(all.at(-1).name, 'runtime');
    assert.match(dockerfile, /pnpm install --frozen-lockfile/);
    assert.match(dockerfile, /pnpm --filter @crm\/api build/);
    assert.match(dockerfile, /pnpm --filter @crm\/web build/);
    assert.match(dockerfile, /deploy --prod/);
  });

  test('the runtime stage runs compiled JavaScript as a non-root user, serves the web app and checks /api/health', () => {
    const runtime = stages().at(-1).lines.join('\n');
    assert.match(runtime, /^USER node$/m);
    assert.match(runtime, /^HEALTHCHECK .*\/api\/health/m);
    assert.match(runtime, /^CMD \["node", "--enable-source-maps", "dist\/main\.js"\]$/m);
    assert.match(runtime, /COPY --from=build \/app\/apps\/api\/dist \.\/dist/);
    assert.match(runtime, /COPY --from=build \/app\/apps\/web\/dist \.\/web/);
    assert.match(runtime, /^ENV .*WEB_DIST_DIR=\/app\/web/m);
    assert.doesNotMatch(runtime, /tsx|pnpm install/);
  });

  test('.dockerignore keeps node_modules, build output and .env out of the build context', () => {
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['**/node_modules', '**/dist', '.env', '.git']) assert.ok(ignored.includes(entry), entry);
  });
});

describe('docker-compose.yml', () => {
  const { services } = compose;

  test('runs MongoDB, the API and, only with --profile simulator, the Zoom simulator', () => {
    assert.deepEqual(Object.keys(services).sort(), ['api', 'mongo', 'zoom-simulator']);
    assert.equal(services.mongo.profiles, undefined);
    assert.equal(services.api.profiles, undefined);
    assert.deepEqual(services['zoom-simulator'].profiles, ['simulator']);
  });

  test('every service has a healthcheck, and the API starts once MongoDB is healthy', () => {
    for (const [name, service] of Object.entries(services)) assert.ok(Array.isArray(service.healthcheck?.test), `${name} has a healthcheck`);
    assert.match(services.api.healthcheck.test.join(' '), /\/api\/health/);
    assert.deepEqual(services.api.depends_on, { mongo: { condition: 'service_healthy' } });
  });

  test('the API is built from the runtime stage and the simulator from its own stage of the same Dockerfile', () => {
    const names = stages().map((stage) => stage.name);
    assert.equal(services.api.build.target, 'runtime');
    assert.ok(names.includes(services['zoom-simulator'].build.target));
  });

  test('the API runs on the replica set, serves the web app on one origin and only sets variables env.ts knows', () => {
    const environment = services.api.environment;
    assert.match(environment.MONGODB_URI, /^mongodb:\/\/mongo:27017\//);
    assert.equal(environment.WEB_DIST_DIR, '/app/web');
    assert.equal(environment.HOST, '0.0.0.0');
    for (const name of Object.keys(environment)) assert.ok(apiVariables.has(name), `${name} is declared in env.ts`);
    // ${NAME:-default} takes NAME from the shell or .env: the same name the API reads (ports aside).
    for (const [name, value] of Object.entries(environment)) {
      const interpolated = /^\$\{([A-Z0-9_]+):-/.exec(String(value));
      if (interpolated) assert.equal(interpolated[1], name);
    }
    assert.match(services.mongo.command.join(' '), /--replSet rs0/);
  });

  test('Docker waits longer than the API’s shutdown grace period before killing it', () => {
    const defaultGraceMs = Number(/SHUTDOWN_GRACE_MS: .*\.default\((\d[\d_]*)\)/.exec(envTs)[1].replaceAll('_', ''));
    assert.ok(Number.parseInt(services.api.stop_grace_period, 10) * 1000 > defaultGraceMs);
  });

  test('the simulator shares the API’s network, so browser, API and simulator all use localhost URLs', () => {
    const simulator = services['zoom-simulator'];
    assert.equal(simulator.network_mode, 'service:api');
    assert.ok(services.api.ports.some((port) => String(port).endsWith(':9090')));
    assert.equal(simulator.environment.ZOOM_SIM_REDIRECT_URIS, 'http://localhost:5000/api/zoom/callback');
  });
});
