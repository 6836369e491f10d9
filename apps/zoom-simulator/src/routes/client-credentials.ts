import { timingSafeEqual } from 'node:crypto';
import type { ResolvedSimulatorOptions } from '../simulator-options';

export type AuthenticatedClient = { app: 'user'; clientId: string } | { app: 'server-to-server'; clientId: string };

/** Zoom takes client credentials only as HTTP Basic auth. */
export function authenticateClient(authorization: string | undefined, options: ResolvedSimulatorOptions): AuthenticatedClient | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(authorization ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator < 0) return undefined;
  const clientId = decoded.slice(0, separator);
  const clientSecret = decoded.slice(separator + 1);
  const { userApp, serverToServerApp } = options;
  if (clientId === userApp.clientId && sameSecret(clientSecret, userApp.clientSecret)) return { app: 'user', clientId };
  if (clientId === serverToServerApp.clientId && sameSecret(clientSecret, serverToServerApp.clientSecret)) {
    return { app: 'server-to-server', clientId };
  }
  return undefined;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
