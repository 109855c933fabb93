import { usePageTitle } from '@/components/ui/use-page-title';
import { useMembership } from '@/lib/membership/membership-context';

/** Manage Subscription › Client Referral Program. The enrolled-staff grid is the next piece of work. */
export function ReferralProgramTab() {
  usePageTitle('Client Referral Program');
  const { organization } = useMembership();

  if (!organization.referral_program_enabled) {
    return (
      <>
        <h2>Client Referral Program</h2>
        <div className="callout callout-info">
          <p className="callout-title">The Client Referral Program is not available to your clinic yet.</p>
          <p>
            When it is turned on for {organization.name}, you will enroll therapists here and choose the insurance payers
            that may refer new clients to them.
          </p>
        </div>
      </>
    );
  }

  return (
    <>
      <h2>Client Referral Program</h2>
      <p>
        The Client Referral Program is turned on for {organization.name}. New clients who search through their insurance
        payer’s portal or your client portal can request appointments in the open time of enrolled therapists.
      </p>
      <div className="callout callout-info">
        <p className="callout-title">Enrolled staff: coming next</p>
        <p>
          The grid of enrolled staff is not built yet. It will let you add a therapist with the payers that may refer to
          them, edit those payers, delete an application while it is Incomplete, and deactivate a therapist.
        </p>
      </div>
    </>
  );
}
