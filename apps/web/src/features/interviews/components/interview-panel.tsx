import type { Interview, PanelMember, PanelRole } from '@crm/shared/interviews';
import { StatusPill } from '../../../components/status-pill';

const ROLE_WORDS: Record<PanelRole, string> = {
  host: 'Host',
  alternative_host: 'Alternative host',
  panelist: 'Panelist',
};

/** The panel in order; from servers older than panels, the one interviewer (role unknown, shown as host only when they host). */
export function panelOf(interview: Pick<Interview, 'panel' | 'interviewer' | 'meeting'>): PanelMember[] {
  if (interview.panel && interview.panel.length > 0) return interview.panel;
  return [{ ...interview.interviewer, role: interview.meeting.hostSource === 'interviewer' ? 'host' : 'panelist' }];
}

/**
 * Who may start the meeting as host: admins, and the panel member whose Zoom hosts it (on the
 * organisation's account, the first of the panel), as the API decides (start-interview-meeting.ts).
 */
export function mayStartMeeting(interview: Pick<Interview, 'panel' | 'interviewer' | 'meeting' | 'hostInterviewerId'>, viewer: { id: string; role?: string }): boolean {
  if (viewer.role === 'admin') return true;
  if (interview.meeting.hostSource === 'interviewer') return (interview.hostInterviewerId ?? interview.interviewer.id) === viewer.id;
  return interview.interviewer.id === viewer.id;
}

/** The dashboard row's compact panel: names in order, the host marked. */
export function PanelSummary({ interview }: { interview: Interview }) {
  const panel = panelOf(interview);
  if (panel.length === 1) {
    return (
      <>
        Interviewer: <span className="cell-strong">{panel[0]!.name}</span>
      </>
    );
  }
  return (
    <>
      Panel:{' '}
      {panel.map((member, index) => (
        <span key={member.id}>
          {index > 0 && ', '}
          <span className={member.role === 'host' ? 'cell-strong' : undefined}>{member.name}</span>
          {member.role === 'host' && ' (host)'}
        </span>
      ))}
    </>
  );
}

/** The interview page's panel: each member in order with their part in the meeting. */
export function PanelMembers({ interview }: { interview: Interview }) {
  return (
    <ol className="panel-members">
      {panelOf(interview).map((member) => (
        <li key={member.id}>
          {member.name}
          {member.email && <span className="muted"> · {member.email}</span>}{' '}
          <StatusPill tone={member.role === 'host' ? 'success' : member.role === 'alternative_host' ? 'info' : 'neutral'}>{ROLE_WORDS[member.role]}</StatusPill>
        </li>
      ))}
    </ol>
  );
}
