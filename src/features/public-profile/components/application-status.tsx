import { formatDateTime, isoTimestamp } from '@/lib/datetime';
import type { PublicProfileDetails } from '../api/get-public-profile';
import styles from './public-profile.module.css';

const enrollmentLabels = { active: 'Enrolled', deactivated: 'Deactivated' } as const;

/** Application Status (Completed once submitted) and the therapist's place in the program. */
export function ApplicationStatus({ profile }: { profile: PublicProfileDetails }) {
  return (
    <dl className={styles.profileStatusList}>
      <div>
        <dt>Application Status</dt>
        <dd>
          {profile.submitted_at ? (
            <>
              <span className={styles.statusCompleted}>Completed</span>{' '}
              <span className="muted">
                (submitted{' '}
                <time dateTime={isoTimestamp(profile.submitted_at)}>
                  {formatDateTime(profile.submitted_at)}
                </time>
                )
              </span>
            </>
          ) : (
            'Incomplete'
          )}
        </dd>
      </div>
      <div>
        <dt>Client Referral Program</dt>
        <dd>{profile.enrollment_status ? enrollmentLabels[profile.enrollment_status] : 'Not enrolled'}</dd>
      </div>
    </dl>
  );
}
