import { z } from 'zod';

/** One Zoom user of the organisation's account that may host fallback meetings, and how many at once. */
export interface FallbackHostSetting {
  /** A Zoom user id or email, as the organisation's Server-to-Server app addresses it. */
  zoomUserId: string;
  /** Overlapping meetings this host may have (1 on most Zoom licences). */
  allowance: number;
}

const MAX_ALLOWANCE = 50;
const ENTRY_HINT = 'write e.g. host1@corp.example:2,host2@corp.example (a Zoom user id or email, optionally :allowance from 1 to 50; default 1)';

/** `ZOOM_FALLBACK_HOSTS`: `user[:allowance],user[:allowance]`, in the order hosts are tried. */
export const fallbackHostsSchema = z.string().transform((raw, ctx) => {
  const hosts: FallbackHostSetting[] = [];
  for (const entry of raw.split(',').map((part) => part.trim()).filter(Boolean)) {
    const match = /^([^\s:,]+)(?::(\d+))?$/.exec(entry);
    const allowance = match?.[2] === undefined ? 1 : Number(match[2]);
    if (!match || !Number.isInteger(allowance) || allowance < 1 || allowance > MAX_ALLOWANCE) {
      ctx.addIssue({ code: 'custom', message: `"${entry}" is not user[:allowance]; ${ENTRY_HINT}` });
      return z.NEVER;
    }
    const zoomUserId = match[1]!;
    if (hosts.some((host) => host.zoomUserId.toLowerCase() === zoomUserId.toLowerCase())) {
      ctx.addIssue({ code: 'custom', message: `"${zoomUserId}" is listed twice; list each host once with its allowance` });
      return z.NEVER;
    }
    hosts.push({ zoomUserId, allowance });
  }
  if (hosts.length === 0) {
    ctx.addIssue({ code: 'custom', message: `needs at least one host; ${ENTRY_HINT}` });
    return z.NEVER;
  }
  return hosts;
});

/**
 * The pool fallback meetings go to, when ZOOM_FALLBACK_HOSTS is set. Unset, ZOOM_USER_ID hosts every
 * fallback meeting unchecked, exactly as before the pool existed (`ZOOM_FALLBACK_HOSTS=<that user>` gives
 * the one host an allowance of 1).
 */
export function fallbackHostPool(env: { ZOOM_FALLBACK_HOSTS?: FallbackHostSetting[] | undefined }): FallbackHostSetting[] | null {
  return env.ZOOM_FALLBACK_HOSTS ?? null;
}
