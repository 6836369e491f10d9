import { useId } from 'react';
import type { Role } from '@crm/shared/auth';

/** Recruiters and admins host no interviews: say where their interviews' meetings come from instead of offering a connection. */
export function ZoomNotForYourRole({ role }: { role: Exclude<Role, 'interviewer'> }) {
  const titleId = useId();
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card-title">
        Zoom
      </h2>
      <p>
        Only interviewers connect Zoom, because every meeting is hosted by the interview's interviewer: in their own Zoom account when they
        have connected it, otherwise on the organisation's system account.
      </p>
      <p className="muted">
        {role === 'admin'
          ? 'You can see every interviewer’s connection under Zoom connections.'
          : 'The interviewer picker shows which account will host each interview you schedule.'}
      </p>
    </section>
  );
}
