import { vocabularyLabel } from '@/lib/profile-vocabulary';
import type { PortalTherapist } from '../schemas';
import { therapistName } from './therapist-card';
import stepStyles from './client-portal-steps.module.css';

/** Who the request is with, as the times and details steps repeat it. */
export function TherapistSummary({ therapist }: { therapist: PortalTherapist }) {
  const { location } = therapist;
  return (
    <div className={stepStyles.portalSummary}>
      <p className={stepStyles.portalSummaryName}>
        {therapistName(therapist)}
        {therapist.professional_title ? `, ${therapist.professional_title}` : ''}
      </p>
      <p className="muted">
        {[
          location
            ? [location.name, [location.city, location.state].filter(Boolean).join(', ')].join(' · ')
            : null,
          therapist.session_formats.map((f) => vocabularyLabel('session_format', f)).join(' or '),
          `Sees ${therapist.ages_served.map((a) => vocabularyLabel('age_group', a).toLowerCase()).join(', ')}`,
        ]
          .filter(Boolean)
          .join(' — ')}
      </p>
    </div>
  );
}
