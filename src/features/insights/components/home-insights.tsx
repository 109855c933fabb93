import { useMembership } from '@/lib/membership/membership-context';
import { InsightsView } from './insights-view';
import styles from './insights.module.css';

/**
 * The home page's figures: a therapist's own (their requests alone, by the request table's row
 * policy), a scheduler's the clinic's. Loaded after the home page, with the charts' code.
 */
export function HomeInsights() {
  const { roles } = useMembership();
  const clinic = roles.includes('scheduler') || roles.includes('org_admin');
  return (
    <section className={styles.homeSection} aria-labelledby="home-insights-title">
      <h2 id="home-insights-title">{clinic ? 'The clinic’s referral figures' : 'Your referral figures'}</h2>
      <InsightsView scope={clinic ? 'clinic' : 'own'} />
    </section>
  );
}
