import { escapeHtml } from './html-layout';

export interface RoomParticipant {
  participantId: string;
  name: string;
  email: string;
  isHost: boolean;
  where: string;
}

const WHERE: Record<string, string> = {
  waiting_for_host: 'waiting for the host',
  waiting_room: 'in the waiting room',
  in_meeting: 'in the meeting',
  left: 'left',
};

/**
 * The live-meeting controls under the join page, so a person in demo mode can do by hand what the
 * control API does: join as host, join as a guest with a name and email, admit, leave, end. Each is a
 * form POST that sends Zoom's events and comes back here.
 */
export function renderMeetingRoomControls(meetingId: string, participants: RoomParticipant[], notice: string | null): string {
  const base = `/j/${encodeURIComponent(meetingId)}`;
  const present = participants.filter((p) => p.where !== 'left');
  const rows = present
    .map((p) => {
      const who = `${escapeHtml(p.name)}${p.isHost ? ' (host)' : ''}${p.email ? ` <span class="email">${escapeHtml(p.email)}</span>` : ''}`;
      const admit =
        p.where === 'waiting_room'
          ? `<form method="post" action="${base}/participants/${encodeURIComponent(p.participantId)}/admit"><button type="submit" value="allow">Admit ${escapeHtml(p.name)}</button></form>`
          : '';
      return `<li>${who} — ${WHERE[p.where] ?? escapeHtml(p.where)} <div class="actions">${admit}<form method="post" action="${base}/participants/${encodeURIComponent(p.participantId)}/leave"><button type="submit" value="deny">${escapeHtml(p.name)} leaves</button></form></div></li>`;
    })
    .join('\n');
  return `${notice ? `<p role="status">${escapeHtml(notice)}</p>` : ''}
<h2>Participants</h2>
${present.length > 0 ? `<ul aria-label="Participants">${rows}</ul>` : '<p>Nobody is here yet.</p>'}
<form method="post" action="${base}/host-join"><button type="submit" value="allow">Join as host</button></form>
<form method="post" action="${base}/guest-join">
<fieldset><legend>Join as a guest</legend>
<label for="guest-name">Name</label><input id="guest-name" name="name" required maxlength="200" autocomplete="name">
<label for="guest-email">Email</label><input id="guest-email" name="email" type="email" maxlength="320" autocomplete="email">
<div class="actions"><button type="submit" value="allow">Join as guest</button></div>
</fieldset>
</form>
<form method="post" action="${base}/end"><button type="submit" value="deny">End meeting for all</button></form>`;
}
