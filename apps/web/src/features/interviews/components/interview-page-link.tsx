import type { ReactNode } from 'react';
import { Link, useInRouterContext } from 'react-router-dom';
import { interviewPagePath } from '../api/get-interview';

/** A link to the interview's page: client-side inside the app's router, a plain link where there is none (embedded lists). */
export function InterviewPageLink({ id, children }: { id: string; children: ReactNode }) {
  const inRouter = useInRouterContext();
  return inRouter ? <Link to={interviewPagePath(id)}>{children}</Link> : <a href={interviewPagePath(id)}>{children}</a>;
}
