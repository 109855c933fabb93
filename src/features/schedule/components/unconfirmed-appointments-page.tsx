import { usePageTitle } from '@/components/ui/use-page-title';
import { unconfirmedAppointmentsScope } from '@/lib/access/roles';
import { useMembership } from '@/lib/membership/membership-context';

/** Schedule › Unconfirmed Appointments. The request queue is the next piece of work. */
export function UnconfirmedAppointmentsPage() {
  usePageTitle('Unconfirmed Appointments');
  const membership = useMembership();
  const scope = unconfirmedAppointmentsScope({ staffId: membership.id, roles: membership.roles });
  const { organization } = membership;

  return (
    <section aria-labelledby="unconfirmed-title" className="page">
      <p className="eyebrow">Schedule</p>
      <h1 id="unconfirmed-title">Unconfirmed Appointments</h1>
      {organization.referral_program_enabled ? (
        <div className="callout callout-info">
          <p className="callout-title">The list of pending requests is coming next.</p>
          <p>
            {scope === 'own'
              ? 'You will see the appointment requests for your own calendar here, with their source (payer or Client Portal), and confirm or decline each within 48 hours.'
              : `You will see every pending appointment request of ${organization.name} here, with its source (payer or Client Portal), and confirm or decline each within 48 hours.`}
          </p>
        </div>
      ) : (
        <div className="callout callout-info">
          <p className="callout-title">The Client Referral Program is not available to your clinic yet.</p>
          <p>Referral appointment requests will appear here once it is turned on for {organization.name}.</p>
        </div>
      )}
    </section>
  );
}
