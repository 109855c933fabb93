import { Link } from 'react-router';
import { paths } from '@/lib/access/paths';
import { usePageTitle } from '@/components/ui/use-page-title';

/** What a route shows to someone whose roles do not allow it. */
export function NoAccessPage() {
  usePageTitle('No access');
  return (
    <section aria-labelledby="no-access-title" className="page">
      <h1 id="no-access-title">You don’t have access to this page</h1>
      <p>
        Your role at this clinic doesn’t include this page. If you need it, ask your clinic’s administrator.
      </p>
      <p>
        <Link to={paths.home}>Go to the home page</Link>
      </p>
    </section>
  );
}

/** What a Client Referral Program page shows in a clinic that does not have the program. */
export function ProgramOffPage() {
  usePageTitle('Not available');
  return (
    <section aria-labelledby="program-off-title" className="page">
      <h1 id="program-off-title">This page is part of the Client Referral Program</h1>
      <p>Your clinic does not have the Client Referral Program, so there is nothing to show here.</p>
      <p>
        <Link to={paths.home}>Go to the home page</Link>
      </p>
    </section>
  );
}

export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <section aria-labelledby="not-found-title" className="page">
      <h1 id="not-found-title">Page not found</h1>
      <p>There is no page at this address.</p>
      <p>
        <Link to={paths.home}>Go to the home page</Link>
      </p>
    </section>
  );
}
