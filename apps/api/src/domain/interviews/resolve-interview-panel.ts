import { requestedPanel } from '@crm/shared/interviews';
import { AppError } from '../../errors/app-error';
import type { UserRecord } from '../ports/user-repository';
import type { KnownRecords } from './known-records';

/**
 * The panel's users from what the request already read, in the panel's order. A member who is unknown or
 * not an interviewer is refused with a 400 naming them (`interviewerIds.1`, or `interviewerId` for the
 * one-interviewer shorthand), never left to fail later.
 */
export function resolveInterviewPanel(request: { interviewerId?: string | undefined; interviewerIds?: string[] | undefined }, known: KnownRecords): UserRecord[] {
  const panel = requestedPanel(request);
  if (!panel) {
    throw new AppError({ code: 'validation_failed', status: 400, message: 'Add at least one interviewer', details: [{ path: 'interviewerIds', message: 'add at least one interviewer' }] });
  }
  const problems: { path: string; message: string }[] = [];
  const members = panel.ids.map((id, index) => {
    const user = known.users.get(id);
    const path = panel.field === 'interviewerId' ? 'interviewerId' : `interviewerIds.${index}`;
    if (!user) problems.push({ path, message: 'no such user' });
    else if (user.role !== 'interviewer') problems.push({ path, message: 'not an interviewer' });
    return user;
  });
  if (problems.length > 0) {
    throw new AppError({ code: 'interviewer_invalid', status: 400, message: `${panel.field} must name users with the interviewer role`, details: problems });
  }
  return members as UserRecord[];
}
