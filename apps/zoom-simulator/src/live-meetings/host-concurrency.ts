import type { SimulatedMeeting } from '../state/meeting-store';
import { parseZoomStartTime } from '../meeting-time';
import type { MeetingActivity } from './live-meetings';

/**
 * A Zoom user hosts one meeting at a time on most licences. Zoom lets a second overlapping meeting be
 * scheduled, but starting it while the first runs ends the first. This file models both halves: the
 * meetings a start ends, and a count of hosts whose scheduled meetings overlap beyond what they may host.
 */

export interface HostConcurrency {
  hostId: string;
  hostEmail: string;
  /** Scheduled (not deleted) meetings of this host. */
  meetings: number;
  /** The most of them that overlap at any moment. */
  maxOverlap: number;
  allowance: number;
  /** maxOverlap > allowance: at some moment starting one of them would end another. */
  doubleBooked: boolean;
}

export interface HostConcurrencyReport {
  hosts: HostConcurrency[];
  doubleBookedHosts: number;
}

export interface AllowanceOptions {
  /** Meetings every host may run at once; 1 when absent. */
  allowance?: number;
  /** Per host, by Zoom user id or email; wins over `allowance`. */
  allowances?: Record<string, number>;
}

function windowOf(meeting: SimulatedMeeting): { start: number; end: number } | null {
  const start = parseZoomStartTime(meeting.start_time, meeting.timezone || 'UTC');
  return start === undefined ? null : { start, end: start + meeting.duration * 60_000 };
}

/** Most windows open at once; an end and a start at the same moment do not overlap. */
function maxOverlap(windows: { start: number; end: number }[]): number {
  const edges = windows.flatMap((w) => [{ at: w.start, step: 1 }, { at: w.end, step: -1 }]).sort((a, b) => a.at - b.at || a.step - b.step);
  let open = 0;
  let most = 0;
  for (const edge of edges) {
    open += edge.step;
    most = Math.max(most, open);
  }
  return most;
}

export function hostConcurrency(meetings: SimulatedMeeting[], options: AllowanceOptions = {}): HostConcurrencyReport {
  const byHost = new Map<string, SimulatedMeeting[]>();
  for (const meeting of meetings) {
    if (meeting.deleted) continue;
    byHost.set(meeting.host_id, [...(byHost.get(meeting.host_id) ?? []), meeting]);
  }
  const hosts = [...byHost.entries()].map(([hostId, own]): HostConcurrency => {
    const hostEmail = own[0]!.host_email;
    const allowance = options.allowances?.[hostId] ?? options.allowances?.[hostEmail] ?? options.allowance ?? 1;
    const most = maxOverlap(own.map(windowOf).filter((w): w is { start: number; end: number } => w !== null));
    return { hostId, hostEmail, meetings: own.length, maxOverlap: most, allowance, doubleBooked: most > allowance };
  });
  return { hosts, doubleBookedHosts: hosts.filter((host) => host.doubleBooked).length };
}

/** The host's running meetings that starting `meeting` ends, as Zoom does: enough to stay within `limit`. */
export function meetingsEndedByStart(meeting: SimulatedMeeting, all: SimulatedMeeting[], isRunning: (meetingId: number) => boolean, limit: number): SimulatedMeeting[] {
  const running = all.filter((other) => other.id !== meeting.id && !other.deleted && other.host_id === meeting.host_id && isRunning(other.id));
  return running.slice(0, Math.max(0, running.length - limit + 1));
}

/** The ended meetings' events first (meeting.ended and everyone leaving), then the start's own. */
export function afterEnding(ended: MeetingActivity[], start: MeetingActivity): MeetingActivity {
  return { participantId: start.participantId, events: [...ended.flatMap((activity) => activity.events), ...start.events] };
}
