import { AppError } from '../../errors/app-error';
import type { Clock } from '../ports/clock';
import type { FallbackHostSlotRepository, PoolHost } from '../ports/fallback-host-slot-repository';
import { NO_FALLBACK_HOST_FREE } from '../ports/interview-repository';
import { describeMeetingFailure } from './meeting-failure';

/**
 * The organisation's fallback hosts (ZOOM_FALLBACK_HOSTS; unset, ZOOM_USER_ID hosts all, unchecked): a
 * Zoom user hosts only so many meetings at once (starting another ends the first), so each fallback
 * meeting takes a slot on a host that is free for its whole time, judged from the store's record.
 */
export interface FallbackHostPool {
  hosts: readonly PoolHost[];
  slots: FallbackHostSlotRepository;
  clock: Clock;
}

/** The interview a new fallback meeting is for, and when it runs. */
export interface FallbackSlot {
  interviewId: string;
  startTime: Date;
  durationMinutes: number;
}

function window(slot: FallbackSlot): { startTime: Date; endTime: Date } {
  return { startTime: slot.startTime, endTime: new Date(slot.startTime.getTime() + slot.durationMinutes * 60_000) };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** No slot for that time: the meeting worker offers it the next slot that comes free (offer-freed-fallback-slots.ts). */
function noFallbackHostFree(message: string): AppError {
  return new AppError({ code: NO_FALLBACK_HOST_FREE, status: 409, message, details: { reason: NO_FALLBACK_HOST_FREE, retryable: false, retryAfterMs: null } });
}

/** Takes a free slot for the interview (first host in the pool's order); null when every host is busy then. */
export function tryReserveFallbackHost(pool: FallbackHostPool, slot: FallbackSlot): Promise<string | null> {
  return pool.slots.reserve({ interviewId: slot.interviewId, hosts: pool.hosts, ...window(slot), now: pool.clock.now() });
}

/** Takes a free slot for the interview (first host in the pool's order), or throws no_fallback_host_free. */
export async function reserveFallbackHost(pool: FallbackHostPool, slot: FallbackSlot): Promise<string> {
  const host = await tryReserveFallbackHost(pool, slot);
  if (host) return host;
  const slots = pool.hosts.reduce((sum, each) => sum + each.allowance, 0);
  throw noFallbackHostFree(
    `No fallback Zoom host is free at that time: all ${plural(slots, 'slot')} of the organisation's ${plural(pool.hosts.length, 'fallback host')} overlap other interviews. ` +
      'The interview is saved without a meeting and gets one by itself as soon as a slot at its time comes free. To free one now: move it or another fallback interview, cancel one, or have the interviewer connect their own Zoom.',
  );
}

/**
 * A reschedule of a meeting already on a pool host: it stays on that host (a Zoom meeting cannot change
 * host), so that host must be free at the new time. Throws no_fallback_host_free, leaving the old slot held.
 */
export async function moveFallbackSlot(pool: FallbackHostPool, slot: FallbackSlot, meeting: { hostZoomUserId: string | null; hostZoomEmail: string | null }): Promise<void> {
  const held = await pool.slots.hostOf(slot.interviewId);
  const named = (id: string | null) => (id === null ? undefined : pool.hosts.find((host) => host.zoomUserId.toLowerCase() === id.toLowerCase()));
  const host = pool.hosts.find((candidate) => candidate.zoomUserId === held) ?? named(meeting.hostZoomEmail) ?? named(meeting.hostZoomUserId);
  // A meeting on a host no longer in the pool (the setting changed) is not counted against it.
  if (!host) return;
  const reserved = await pool.slots.reserve({ interviewId: slot.interviewId, hosts: [host], ...window(slot), now: pool.clock.now() });
  if (reserved) return;
  throw noFallbackHostFree(
    `The meeting's fallback host ${host.zoomUserId} already has ${plural(host.allowance, 'overlapping meeting')} at the new time, and a Zoom meeting cannot change host. ` +
      'The interview keeps its current time: pick another time, or move the other interview first.',
  );
}

/** The interview no longer needs its host at that time (cancelled, deleted, or hosted elsewhere). */
export async function releaseFallbackHost(pool: FallbackHostPool | undefined, interviewId: string): Promise<void> {
  await pool?.slots.release(interviewId);
}

/**
 * Runs a create on the organisation's account: on a pool host with a free slot when the pool and the
 * interview are known, else on ZOOM_USER_ID as always. A refused create frees the slot again; a retryable
 * failure keeps it for the retry (the meeting may exist).
 */
export async function onFallbackHost<T>(pool: FallbackHostPool | undefined, slot: FallbackSlot | undefined, defaultHost: string, run: (hostUserId: string) => Promise<T>): Promise<{ value: T; hostUserId: string }> {
  if (!pool || !slot) return { value: await run(defaultHost), hostUserId: defaultHost };
  const hostUserId = await reserveFallbackHost(pool, slot);
  try {
    return { value: await run(hostUserId), hostUserId };
  } catch (error) {
    if (!describeMeetingFailure(error).retryable) await pool.slots.release(slot.interviewId);
    throw error;
  }
}

/** Before a reschedule is saved: a meeting on a pool host whose time or length changes keeps a slot there, or the change is refused. */
export async function holdFallbackHostAtNewTime(
  pool: FallbackHostPool | undefined,
  current: { id: string; startTime: Date; durationMinutes: number; meeting: { hostSource: string | null; zoomMeetingId: string | null; hostZoomUserId: string | null; hostZoomEmail: string | null } },
  next: { startTime: Date; durationMinutes: number },
): Promise<void> {
  if (!pool || current.meeting.hostSource !== 'system' || !current.meeting.zoomMeetingId) return;
  if (next.startTime.getTime() === current.startTime.getTime() && next.durationMinutes === current.durationMinutes) return;
  await moveFallbackSlot(pool, { interviewId: current.id, startTime: next.startTime, durationMinutes: next.durationMinutes }, current.meeting);
}
