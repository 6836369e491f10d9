import { Link, useParams } from 'react-router-dom';
import { useSignedInUser } from '../../features/auth/components/session-provider';
import { InterviewDetails } from '../../features/interviews/components/interview-details';
import { paths } from '../paths';
import { usePageTitle } from '../use-page-title';

export default function InterviewPage() {
  usePageTitle('Interview');
  const user = useSignedInUser();
  const { id = '' } = useParams();
  return (
    <div className="page">
      <p>
        <Link to={paths.dashboard}>← All interviews</Link>
      </p>
      <InterviewDetails key={id} id={id} viewer={{ id: user.id, role: user.role }} />
    </div>
  );
}
