import { ProgramNotEnabled } from '@/components/program-not-enabled';
import { usePageTitle } from '@/components/ui/use-page-title';
import { useMembership } from '@/lib/membership/membership-context';
import { InsightsView } from './insights-view';
import styles from './insights.module.css';

/** Organization › Manage Subscription › Insights: how the program works for the clinic (org admins). */
export function InsightsTab() {
  usePageTitle('Program insights');
  const { organization } = useMembership();
  if (!organization.referral_program_enabled)
    return <ProgramNotEnabled clinicName={organization.name} audience="admin" headingLevel={2} />;
  return (
    <section aria-labelledby="insights-title">
      <h2 id="insights-title">Program insights</h2>
      <p className={styles.intro}>
        How many referral requests arrive and from where, how they end, how fast the clinic answers against
        the 48-hour deadline, and external hours offered against hours requested.
      </p>
      <InsightsView scope="clinic" />
    </section>
  );
}
