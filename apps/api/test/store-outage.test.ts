import request from 'supertest';
import { startApi } from '../src/composition/start-api';
import { createMemoryStore } from '../src/data/memory/create-memory-store';
import type { Store } from '../src/domain/ports/store';
import { CapturedLogs } from './support/captured-logs';
import { freePort } from './support/free-port';
import { startTestApi } from './support/start-test-api';
import { testEnv } from './support/test-env';

describe('fail fast while the store is unreachable', () => {
  test('when the store stops answering, /api/ready answers 503 store_unavailable, and 200 as soon as it answers again', async () => {
    let reachable = true;
    const memory = createMemoryStore();
    const store: Store = {
      ...memory,
      async ping() {
        if (!reachable) throw new Error('connection refused');
      },
    };
    const api = await startTestApi({ store });
    try {
      expect((await request(api.url).get('/api/ready')).status).toBe(200);

      reachable = false;
      const down = await request(api.url).get('/api/ready');
      expect(down.status).toBe(503);
      expect(down.body.error.code).toBe('store_unavailable');

      reachable = true;
      const back = await request(api.url).get('/api/ready');
      expect(back.status).toBe(200);
      expect(back.body).toEqual({ status: 'ready', store: 'memory' });
    } finally {
      await api.close();
    }
  });

  test('with MONGODB_URI at a port where no MongoDB listens, the API starts, and /api/ready and a sign-in answer 503 store_unavailable at once, never hanging', async () => {
    const port = await freePort();
    const logs = new CapturedLogs();
    const started = Date.now();
    const api = await startApi(testEnv({ MONGODB_URI: `mongodb://127.0.0.1:${port}/crm?serverSelectionTimeoutMS=200` }), { logDestination: logs });
    try {
      expect(api.deps.store.kind).toBe('mongodb');
      const asked = Date.now();

      const ready = await request(api.url).get('/api/ready');
      const signIn = await request(api.url).post('/api/auth/login').send({ email: 'someone@example.test', password: 'correct-horse-battery-1' });

      expect(ready.status).toBe(503);
      expect(ready.body.error.code).toBe('store_unavailable');
      expect(signIn.status).toBe(503);
      expect(signIn.body.error).toMatchObject({ code: 'store_unavailable' });
      expect(Date.now() - asked).toBeLessThan(2000);
      expect(asked - started).toBeLessThan(5000);
    } finally {
      await api.close();
    }
  });
});
