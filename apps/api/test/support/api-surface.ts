import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Express } from 'express';
import type { Endpoint } from '@crm/shared/endpoint';

/** Every `*Endpoints` export of every packages/shared/src file, so a new declaration is covered without anyone listing it. */
export function declaredEndpoints(): { name: string; endpoint: Endpoint }[] {
  const sharedSrc = path.dirname(require.resolve('@crm/shared/auth'));
  const found: { name: string; endpoint: Endpoint }[] = [];
  for (const file of readdirSync(sharedSrc).filter((name) => name.endsWith('.ts'))) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the declaration files are found at run time
    const module = require(`@crm/shared/${file.replace(/\.ts$/, '')}`) as Record<string, unknown>;
    for (const [group, value] of Object.entries(module)) {
      if (!group.endsWith('Endpoints') || typeof value !== 'object' || value === null) continue;
      for (const [name, endpoint] of Object.entries(value as Record<string, Endpoint>)) found.push({ name: `${group}.${name}`, endpoint });
    }
  }
  return found;
}

interface RouterLayer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: RouterLayer[] };
}

/** `METHOD /path` of every route the Express app really mounts, read from its router. */
export function mountedRoutes(app: Express): string[] {
  const routes: string[] = [];
  const walk = (layers: RouterLayer[]) => {
    for (const layer of layers) {
      if (layer.route) for (const method of Object.keys(layer.route.methods)) routes.push(`${method.toUpperCase()} ${layer.route.path}`);
      else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((app as unknown as { router: { stack: RouterLayer[] } }).router.stack);
  return routes;
}
