import icalGenerator, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus, type ICalCalendar } from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { invitationDetailLines } from './invitation-details';
import type { InterviewInvitation } from './interview-invitation';

const PRODUCT = { company: 'Interview CRM', product: 'Interviews', language: 'EN' } as const;

/** The VTIMEZONE of an IANA zone, from the maintained tz data package; null lets the event go without one (UTC). */
function vtimezone(zone: string): string | null {
  const block = tzlib_get_ical_block(zone);
  return Array.isArray(block) && typeof block[0] === 'string' && block[0].includes('BEGIN:VTIMEZONE') ? block[0] : null;
}

function newCalendar(method: ICalCalendarMethod | null, name?: string): ICalCalendar {
  // No calendar-wide zone name: DTSTAMP then stays in UTC (RFC 5545 requires it); each event names its own TZID.
  return icalGenerator({ prodId: PRODUCT, ...(method ? { method } : {}), ...(name ? { name } : {}), timezone: { name: null, generator: vtimezone } });
}

/** Adds the interview as one event, its times written in the interview's own zone (TZID + VTIMEZONE). */
function addEvent(calendar: ICalCalendar, invitation: InterviewInvitation, sequence: number, stamp: Date): void {
  const zone = invitation.timeZone;
  const cancelled = invitation.method === 'CANCEL';
  const event = calendar.createEvent({
    id: invitation.uid,
    sequence,
    stamp: DateTime.fromJSDate(stamp, { zone: 'utc' }),
    start: DateTime.fromJSDate(invitation.start, { zone }),
    end: DateTime.fromJSDate(invitation.end, { zone }),
    timezone: zone,
    summary: invitation.summary,
    description: invitationDetailLines(invitation).join('\n'),
    location: invitation.joinUrl,
    url: invitation.joinUrl,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: invitation.organizer.email ? { name: invitation.organizer.name, email: invitation.organizer.email } : undefined,
  });
  for (const [party, role, status] of [
    [invitation.candidate, ICalAttendeeRole.REQ, ICalAttendeeStatus.NEEDSACTION],
    [invitation.interviewer, ICalAttendeeRole.REQ, ICalAttendeeStatus.ACCEPTED],
    ...(invitation.otherInterviewers ?? []).map((member) => [member, ICalAttendeeRole.REQ, ICalAttendeeStatus.ACCEPTED] as const),
  ] as const) {
    if (party.email) event.createAttendee({ name: party.name, email: party.email, role, status, rsvp: !cancelled && status === ICalAttendeeStatus.NEEDSACTION });
  }
}

/** The iTIP message for one version of the invitation: METHOD:REQUEST, or METHOD:CANCEL once cancelled. */
export function renderInvitationIcs(invitation: InterviewInvitation, sequence: number, stamp: Date): string {
  const calendar = newCalendar(invitation.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST);
  addEvent(calendar, invitation, sequence, stamp);
  return calendar.toString();
}

/** A subscribable calendar (no METHOD: a published feed, not a request to anyone). */
export function renderCalendarFeed(name: string, entries: { invitation: InterviewInvitation; sequence: number }[], stamp: Date): string {
  const calendar = newCalendar(null, name);
  for (const { invitation, sequence } of entries) addEvent(calendar, invitation, sequence, stamp);
  return calendar.toString();
}
