import { useEffect } from 'react';
import { Link } from 'react-router';
import { buttonClassName } from '@/components/ui/button';
import { isPortalApiError } from '../lib/portal-api-error';
import styles from './client-portal.module.css';

/** What the request page's API said about the address itself, when it is not a page to show. */
export type AddressProblem = 'clinic_not_found' | 'not_taking_requests' | 'therapist_unavailable';

export function addressProblem(error: unknown): AddressProblem | null {
  if (!isPortalApiError(error)) return null;
  if (error.code === 'clinic_not_found') return 'clinic_not_found';
  if (error.code === 'unknown_clinic') return 'not_taking_requests';
  if (error.code === 'unknown_therapist') return 'therapist_unavailable';
  return null;
}

const titles: Record<AddressProblem, string> = {
  clinic_not_found: 'Page not found',
  not_taking_requests: 'Online requests aren’t available',
  therapist_unavailable: 'This therapist doesn’t take requests online',
};

/** The page for an unknown clinic link, a clinic without online requests, or a therapist no longer listed. */
export function AddressProblemPage({
  problem,
  therapistsPath,
}: {
  problem: AddressProblem;
  therapistsPath: string;
}) {
  useEffect(() => {
    document.title = titles[problem];
  }, [problem]);
  return (
    <div className={styles.portalPage}>
      <h1>{titles[problem]}</h1>
      {problem === 'clinic_not_found' ? (
        <p>
          No clinic has this address. Check the link you were given (it looks like{' '}
          <span className={styles.portalExample}>/request/clinic-name</span>), or ask the clinic for its
          appointment request page.
        </p>
      ) : null}
      {problem === 'not_taking_requests' ? (
        <p>
          This clinic doesn’t take appointment requests online. To make an appointment, please contact the
          clinic directly.
        </p>
      ) : null}
      {problem === 'therapist_unavailable' ? (
        <>
          <p>The therapist of this link no longer takes appointment requests online.</p>
          <p>
            <Link className={buttonClassName({ variant: 'secondary' })} to={therapistsPath}>
              See the clinic’s therapists
            </Link>
          </p>
        </>
      ) : null}
    </div>
  );
}
