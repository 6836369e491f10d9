/**
 * Reads a small script (built by build-plugins/preload-landing-route.ts) started before the app's code had
 * downloaded, keyed by URL. Each is used once, by the first GET of that URL; one nobody asks for is dropped.
 * `null`: the script decided not to read it (the user's role does not need it); the caller reads it itself.
 */
export const EARLY_RESPONSES_GLOBAL = '__crmEarlyResponses';

type EarlyResponses = Map<string, Promise<Response | null>>;

export function takeEarlyResponse(url: string): Promise<Response | null> | undefined {
  const early = (globalThis as { [EARLY_RESPONSES_GLOBAL]?: EarlyResponses })[EARLY_RESPONSES_GLOBAL];
  const response = early?.get(url);
  early?.delete(url);
  return response;
}
