import { isZoomFailure } from '../ports/zoom-failure';

/** A panel member who could be an alternative host: their Zoom email when connected, else their CRM email. */
export interface PanelCandidate {
  interviewerId: string;
  email: string;
}

/**
 * The code the simulator answers when an alternative host is not a licensed user on the host's account
 * (HTTP 400); Zoom's OpenAPI reference lists no code for it, so any other 400 is handled too. The
 * CRM cannot see another account's users, so Zoom is asked: the create carries the other panel members,
 * and the ones Zoom refuses become panelists.
 */
export const ZOOM_INVALID_ALTERNATIVE_HOST = 1114;

/** Zoom's `alternative_hosts`: emails separated by semicolons. */
export function alternativeHostsSetting(candidates: readonly PanelCandidate[]): string {
  return candidates.map((candidate) => candidate.email).join(';');
}

/**
 * Makes the meeting with the other panel members as alternative hosts, as far as Zoom accepts them: on
 * 1114 the members its message names are dropped (all of them when it names none) and the create is sent
 * again, at most twice more, the last time with none. Returns who Zoom took.
 */
export async function withAlternativeHosts<T>(
  candidates: readonly PanelCandidate[],
  send: (alternativeHosts: readonly PanelCandidate[]) => Promise<T>,
): Promise<{ value: T; alternativeHostIds: string[] }> {
  let offered = [...candidates];
  for (;;) {
    try {
      return { value: await send(offered), alternativeHostIds: offered.map((candidate) => candidate.interviewerId) };
    } catch (error) {
      if (offered.length === 0 || !isZoomFailure(error, 'invalid_request')) throw error;
      if (error.zoomCode !== ZOOM_INVALID_ALTERNATIVE_HOST) {
        // Zoom's reference documents no code for a refused alternative host: any other 400 while some were
        // offered is tried once more with none, so a panel never costs the interview its meeting.
        offered = [];
        continue;
      }
      const message = error.message.toLowerCase();
      const named = offered.filter((candidate) => message.includes(candidate.email.toLowerCase()));
      offered = named.length > 0 && named.length < offered.length ? offered.filter((candidate) => !named.includes(candidate)) : [];
    }
  }
}
