/**
 * A fake `fetch` at the network boundary: the components under test use the real HTTP client,
 * and each test answers the requests it expects, like the API would.
 */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
}

export interface FakeReply {
  status?: number;
  body?: unknown;
}

type Handler = FakeReply | ((request: RecordedRequest) => FakeReply);

export function installFakeApi(routes: Record<string, Handler>) {
  const requests: RecordedRequest[] = [];
  const fetchMock = jest.fn(async (input: string, init: RequestInit = {}) => {
    const url = new URL(input, 'http://localhost');
    const request: RecordedRequest = {
      method: (init.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      query: url.searchParams,
      headers: (init.headers ?? {}) as Record<string, string>,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    requests.push(request);
    const handler = routes[`${request.method} ${request.path}`];
    const reply: FakeReply = handler
      ? typeof handler === 'function'
        ? handler(request)
        : handler
      : { status: 404, body: { error: { code: 'route_not_found', message: `No fake for ${request.method} ${request.path}` } } };
    const status = reply.status ?? 200;
    return {
      ok: status >= 200 && status < 300,
      status,
      json: async () => reply.body,
    } as unknown as Response;
  });
  globalThis.fetch = fetchMock as unknown as typeof fetch;
  return {
    requests,
    /** Requests other than the reads the screen makes on its own. */
    writes: () => requests.filter((request) => request.method !== 'GET'),
  };
}

export function apiError(status: number, code: string, message: string, details?: unknown): FakeReply {
  return { status, body: { error: { code, message, ...(details === undefined ? {} : { details }) } } };
}
