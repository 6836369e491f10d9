import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { startTestApi, type TestApi } from './support/start-test-api';

describe('the built web app on the API origin (WEB_DIST_DIR)', () => {
  let dist: string;
  let api: TestApi;
  beforeAll(async () => {
    dist = mkdtempSync(path.join(tmpdir(), 'crm-web-dist-'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Interview CRM</title><div id="root"></div>');
    writeFileSync(path.join(dist, 'assets', 'index-abc123.js'), 'console.log("app")');
    api = await startTestApi({ env: { WEB_DIST_DIR: dist } });
  });
  afterAll(async () => {
    await api.close();
    rmSync(dist, { recursive: true, force: true });
  });

  test('the app shell answers / and client-side routes, never cached', async () => {
    for (const pathname of ['/', '/admin', '/interviews/123']) {
      const response = await request(api.url).get(pathname).set('Accept', 'text/html');
      expect(response.status).toBe(200);
      expect(response.text).toContain('<div id="root">');
      expect(response.headers['cache-control']).toBe('no-cache');
    }
  });

  test('hashed assets are served with a year-long immutable cache; a missing one is a 404, not the app shell', async () => {
    const asset = await request(api.url).get('/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toMatch(/max-age=31536000.*immutable/);
    const missing = await request(api.url).get('/assets/index-gone.js').set('Accept', '*/*');
    expect(missing.status).toBe(404);
    expect(missing.text).not.toContain('<div id="root">');
  });

  test('API paths keep answering JSON, unknown ones with the route_not_found envelope', async () => {
    await request(api.url).get('/api/health').expect(200);
    const unknown = await request(api.url).get('/api/no-such-thing').set('Accept', 'text/html');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('route_not_found');
  });

  test('a WEB_DIST_DIR without index.html stops start-up with a message naming the variable', async () => {
    await expect(startTestApi({ env: { WEB_DIST_DIR: path.join(dist, 'assets') } })).rejects.toThrow(/WEB_DIST_DIR/);
  });
});
