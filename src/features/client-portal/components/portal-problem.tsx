import { useEffect } from 'react';
import { Link } from '@/lib/public-router/router';
import { buttonClassName } from '@/components/ui/button';
import { addressProblem, type AddressProblem } from '../lib/address-problem';
import styles from './client-portal.module.css';
import stepStyles from './client-portal-steps.module.css';

export { addressProblem, type AddressProblem };

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
          <span className={stepStyles.portalExample}>/request/clinic-name</span>), or ask the clinic for its
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
