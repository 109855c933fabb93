import { Link, useLocation } from 'react-router';
import { usePageTitle } from '@/components/ui/use-page-title';
import { useNavigationGroups } from '@/lib/access/navigation-context';
import { describeRoles } from '@/lib/access/roles';
import { useMembership } from '@/lib/membership/membership-context';

function noticeFrom(state: unknown): string | null {
  return typeof state === 'object' && state !== null && 'notice' in state && typeof state.notice === 'string'
    ? state.notice
    : null;
}

/** The landing page: who you are here and where you can go. */
export function HomePage() {
  usePageTitle('Home');
  const membership = useMembership();
  const location = useLocation();
  const notice = noticeFrom(location.state);
  const groups = useNavigationGroups();

  return (
    <section aria-labelledby="home-title" className="page">
      {notice ? (
        <p role="status" className="callout callout-success">
          {notice}
        </p>
      ) : null}
      <h1 id="home-title">Welcome, {membership.first_name}</h1>
      <p>
        Your {membership.roles.length === 1 ? 'role' : 'roles'} at {membership.organization.name}:{' '}
        {describeRoles(membership.roles)}.
      </p>
      {groups.map((group) => (
        <section key={group.label} aria-labelledby={`home-${group.label}`} className="home-group">
          <h2 id={`home-${group.label}`}>{group.label}</h2>
          <ul>
            {group.items.map((item) => (
              <li key={item.id}>
                <Link to={item.to}>{item.label}</Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
