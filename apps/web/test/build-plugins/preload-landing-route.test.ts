import type { Rollup } from 'vite';
import { preloadLandingRoute } from '../../build-plugins/preload-landing-route';

const INDEX_HTML = '<head>\n    <script type="module" crossorigin src="/assets/index-1.js"></script>\n  </head>';

function chunk(fileName: string, imports: string[], extra: Partial<Rollup.OutputChunk> = {}): Rollup.OutputChunk {
  return { type: 'chunk', fileName, imports, moduleIds: [], isEntry: false, ...extra } as unknown as Rollup.OutputChunk;
}

/** Runs the plugin over a bundle shaped like the real one: entry → react; dashboard route → its chunks (react too). */
function build(earlyReads?: Parameters<typeof preloadLandingRoute>[0]['earlyReads']) {
  const bundle: Record<string, Rollup.OutputChunk | Rollup.OutputAsset> = {
    'assets/index-1.js': chunk('assets/index-1.js', ['assets/react-1.js'], { isEntry: true }),
    'assets/react-1.js': chunk('assets/react-1.js', []),
    'assets/app-1.js': chunk('assets/app-1.js', ['assets/react-1.js', 'assets/zod-1.js', 'assets/app-2.js'], { moduleIds: ['/repo/apps/web/src/app/routes/dashboard-page.tsx'] }),
    'assets/app-2.js': chunk('assets/app-2.js', ['assets/zod-1.js']),
    'assets/zod-1.js': chunk('assets/zod-1.js', []),
    'assets/admin-1.js': chunk('assets/admin-1.js', ['assets/react-1.js']),
    'index.html': { type: 'asset', fileName: 'index.html', source: INDEX_HTML } as Rollup.OutputAsset,
  };
  const emitted: { name?: string; source?: string | Uint8Array }[] = [];
  const context = {
    emitFile: (file: { name?: string; source?: string | Uint8Array }) => emitted.push(file) - 1,
    getFileName: () => 'assets/preload-landing-route-1.js',
    error: (message: string) => {
      throw new Error(message);
    },
  };
  const plugin = preloadLandingRoute({ routeModule: '/src/app/routes/dashboard-page.tsx', pathname: '/', sessionHintKey: 'crm.signed-in', ...(earlyReads ? { earlyReads } : {}) });
  const hook = plugin.generateBundle as unknown as (this: typeof context, options: unknown, bundle: unknown) => void;
  hook.call(context, {}, bundle);
  return { html: (bundle['index.html'] as Rollup.OutputAsset).source as string, script: String(emitted[0]?.source) };
}

function preloadedBy(script: string): string[] {
  document.head.innerHTML = '';
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- runs the generated script as the browser would
  new Function(script)();
  return [...document.head.querySelectorAll('link[rel="modulepreload"]')].map((link) => link.getAttribute('href') ?? '');
}

describe('preload-landing-route build plugin', () => {
  afterEach(() => localStorage.clear());

  it("when a signed-in browser opens the dashboard, the route's chunks are preloaded, not the entry's or other routes'", () => {
    const { script } = build();
    localStorage.setItem('crm.signed-in', '1');
    expect(preloadedBy(script)).toEqual(['/assets/app-1.js', '/assets/zod-1.js', '/assets/app-2.js']);
  });

  it('when the browser never signed in (the sign-in page), nothing is preloaded', () => {
    expect(preloadedBy(build().script)).toEqual([]);
  });

  it('when a signed-in browser opens another page, nothing is preloaded', () => {
    const { script } = build();
    localStorage.setItem('crm.signed-in', '1');
    window.history.pushState({}, '', '/admin/zoom');
    try {
      expect(preloadedBy(script)).toEqual([]);
    } finally {
      window.history.pushState({}, '', '/');
    }
  });

  it("with early reads, the session and lists are fetched at once, and the schedule form's reads only for a role that schedules", async () => {
    const reads = { responsesGlobal: '__earlyForTest', session: '/api/auth/me', forEveryone: ['/api/list'], forRoles: { roles: ['recruiter'], urls: ['/api/for-recruiters'] } };
    const { script } = build(reads);
    localStorage.setItem('crm.signed-in', '1');
    for (const role of ['recruiter', 'interviewer']) {
      const fetched: string[] = [];
      globalThis.fetch = jest.fn(async (url: string) => {
        fetched.push(url);
        const body = url === '/api/auth/me' ? { user: { role } } : {};
        return { ok: true, status: 200, json: async () => body, clone: () => ({ json: async () => body }) } as unknown as Response;
      }) as unknown as typeof fetch;
      preloadedBy(script);
      const early = (globalThis as unknown as Record<string, Map<string, Promise<Response | null>>>)[reads.responsesGlobal]!;
      expect([...early.keys()]).toEqual(['/api/auth/me', '/api/list', '/api/for-recruiters']);
      const forRecruiters = await early.get('/api/for-recruiters');
      expect(forRecruiters === null).toBe(role !== 'recruiter');
      expect(fetched).toEqual(role === 'recruiter' ? ['/api/auth/me', '/api/list', '/api/for-recruiters'] : ['/api/auth/me', '/api/list']);
    }
  });

  it("index.html asks for the script before the entry's own tag", () => {
    const { html } = build();
    expect(html.indexOf('src="/assets/preload-landing-route-1.js"')).toBeGreaterThan(-1);
    expect(html.indexOf('src="/assets/preload-landing-route-1.js"')).toBeLessThan(html.indexOf('src="/assets/index-1.js"'));
  });
});
