import { usePageTitle } from '@/components/ui/use-page-title';

/** Details › Public Profile. The profile form is the next piece of work. */
export function PublicProfileTab() {
  usePageTitle('Public Profile');
  return (
    <>
      <h2>Public Profile</h2>
      <div className="callout callout-info">
        <p className="callout-title">The public profile form is coming next.</p>
        <p>
          Here the therapist (or an org admin) will fill in the profile that payers show to prospective clients, save it
          as a draft and submit it. Name, email, NPI, office phone, default location and photo will come from the staff
          record and stay read-only.
        </p>
      </div>
    </>
  );
}
