import { SignOutButton } from '@/components/sign-out-button';
import { usePageTitle } from '@/components/ui/use-page-title';
import { buttonClassName } from '@/components/ui/button';

/** For a signed-in account that is not (or no longer) an active staff member of any clinic. */
export function NoMembershipPage({
  email,
  deactivated,
}: {
  email: string | undefined;
  deactivated: boolean;
}) {
  usePageTitle('No active staff record');
  return (
    <main id="main" tabIndex={-1} className="centered-page">
      <div className="card">
        <h1>No active staff record</h1>
        {deactivated ? (
          <p>
            The staff account{email ? ` for ${email}` : ''} has been deactivated, so it can no longer use the
            clinic’s dashboard. If you think this is a mistake, ask your clinic’s administrator.
          </p>
        ) : (
          <p>
            You are signed in{email ? ` as ${email}` : ''}, but this account is not an active staff member of
            any clinic. Ask your clinic’s administrator to invite you, then use the link in the invitation
            email.
          </p>
        )}
        <SignOutButton className={buttonClassName({ variant: 'primary' })} />
      </div>
    </main>
  );
}
