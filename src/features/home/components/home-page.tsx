import type { ReactNode } from 'react';
import { useLocation } from 'react-router';
import { ProgramNotEnabled } from '@/components/program-not-enabled';
import { usePageTitle } from '@/components/ui/use-page-title';
import { describeRoles } from '@/lib/access/roles';
import { useMembership } from '@/lib/membership/membership-context';
import { homeSections } from '../lib/home-sections';
import { AdminTodo } from './admin-todo';
import styles from './home.module.css';
import { SchedulerTodo } from './scheduler-todo';
import { TherapistTodo } from './therapist-todo';

function noticeFrom(state: unknown): string | null {
  return typeof state === 'object' && state !== null && 'notice' in state && typeof state.notice === 'string'
    ? state.notice
    : null;
}

/**
 * The landing page: what needs the person's attention, one to-do list per role they hold. A clinic
 * without the Client Referral Program gets what the program is and how it is turned on instead.
 * `figures` (the program's figures, from another feature) follow the lists for therapists and schedulers.
 */
export function HomePage({ figures }: { figures?: ReactNode } = {}) {
  usePageTitle('Home');
  const membership = useMembership();
  const { organization, roles } = membership;
  const notice = noticeFrom(useLocation().state);
  const sections = homeSections(roles, organization.referral_program_enabled);

  return (
    <section aria-labelledby="home-title" className="page">
      {notice ? (
        <p role="status" className="callout callout-success">
          {notice}
        </p>
      ) : null}
      <h1 id="home-title">Welcome, {membership.first_name}</h1>
      <p className={styles.lead}>
        {organization.name} · {describeRoles(roles)}
      </p>
      <div className={styles.sections}>
        {sections.programNotEnabled ? (
          <ProgramNotEnabled
            clinicName={organization.name}
            audience={roles.includes('org_admin') ? 'admin' : 'staff'}
            headingLevel={2}
          />
        ) : null}
        {sections.incompleteProfiles ? (
          <AdminTodo orgId={organization.id} withExpiringRequests={sections.expiringRequests} />
        ) : null}
        {sections.pendingRequestsByUrgency ? <SchedulerTodo orgId={organization.id} /> : null}
        {sections.therapist ? (
          <TherapistTodo orgId={organization.id} staffId={membership.id} timeZone={organization.time_zone} />
        ) : null}
        {sections.figures ? figures : null}
      </div>
    </section>
  );
}
