import { Link } from 'react-router-dom';
import { paths } from '../paths';
import { usePageTitle } from '../use-page-title';

export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <section className="card">
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. <Link to={paths.dashboard}>Go to your interviews</Link>
      </p>
    </section>
  );
}
