import type { SimulatedZoomUser } from '../simulated-zoom-user';
import type { SimulatedMeeting } from '../state/meeting-store';
import type { SimulatorState } from '../state/simulator-state';
import type { TokenPrincipal } from '../state/token-store';
import { meetingDoesNotExist, noPermission, notMeetingHost, userDoesNotExist, type ZoomRestError } from '../zoom-error-bodies';

export type Access<T> = { ok: true; value: T } | { ok: false; status: number; body: ZoomRestError };

/**
 * A user-level token acts only as its own user; an account-level token acts for anyone in its
 * account, and `me` is the account owner.
 */
export function resolveTargetUser(state: SimulatorState, principal: TokenPrincipal, userIdParam: string): Access<SimulatedZoomUser> {
  const self = state.users.byId(principal.zoomUserId);
  if (principal.kind === 'user') {
    if (!self) return { ok: false, status: 404, body: userDoesNotExist(userIdParam) };
    const isSelf = userIdParam === 'me' || userIdParam === self.id || userIdParam.toLowerCase() === self.email.toLowerCase();
    return isSelf ? { ok: true, value: self } : { ok: false, status: 400, body: noPermission() };
  }
  const target = userIdParam === 'me' ? self : state.users.byIdOrEmail(userIdParam);
  if (!target || target.accountId !== principal.accountId) return { ok: false, status: 404, body: userDoesNotExist(userIdParam) };
  return { ok: true, value: target };
}

/** Deleted meetings, and meetings outside an account token's account, do not exist for the caller. */
export function resolveMeeting(state: SimulatorState, principal: TokenPrincipal, meetingIdParam: string): Access<SimulatedMeeting> {
  const meeting = state.meetings.find(meetingIdParam);
  const notFound = { ok: false as const, status: 404, body: meetingDoesNotExist(meetingIdParam) };
  if (!meeting || meeting.deleted) return notFound;
  if (principal.kind === 'user') {
    return meeting.host_id === principal.zoomUserId ? { ok: true, value: meeting } : { ok: false, status: 400, body: notMeetingHost() };
  }
  const host = state.users.byId(meeting.host_id);
  return host?.accountId === principal.accountId ? { ok: true, value: meeting } : notFound;
}
