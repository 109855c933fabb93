import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { LoadingState } from '@/components/ui/status';
import { TabNav } from '@/components/ui/tab-nav';
import { paths } from '@/lib/access/paths';

/** Organization › Manage Subscription: the subscription's tabs; the tab's page renders below. */
export function ManageSubscriptionLayout() {
  return (
    <section aria-labelledby="manage-subscription-title" className="page">
      <p className="eyebrow">Organization</p>
      <h1 id="manage-subscription-title">Manage Subscription</h1>
      <TabNav
        label="Subscription sections"
        tabs={[
          { label: 'Client Referral Program', to: paths.referralProgram },
          { label: 'Insights', to: paths.programInsights },
        ]}
      />
      <div className="tab-panel">
        <Suspense fallback={<LoadingState label="Loading…" />}>
          <Outlet />
        </Suspense>
      </div>
    </section>
  );
}
