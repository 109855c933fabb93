import { cityAndState } from '../lib/display';
import type { PublicProfileDetails } from '../api/get-public-profile';
import { FieldHint } from '@/components/ui/field';
import styles from './public-profile.module.css';
import { StatusBadge } from '@/components/ui/status-badge';

/**
 * The profile's read-only fields: joined from the staff record, never copied, so they are changed
 * where the staff record is kept.
 */
export function StaffRecordFields({ profile }: { profile: PublicProfileDetails }) {
  const location = profile.default_location;
  const place = cityAndState(location);
  const name = `${profile.first_name} ${profile.last_name}`;
  return (
    <section
      className={`${styles.profileSection} ${styles.profileReadonly}`}
      aria-labelledby="staff-record-title"
      aria-describedby="staff-record-hint"
    >
      <h3 id="staff-record-title" className={styles.profileSectionTitle}>
        From the staff record <StatusBadge tone="neutral">Read-only</StatusBadge>
      </h3>
      <FieldHint id="staff-record-hint">
        These fields can’t be changed here: they are edited in Staff › Details.
      </FieldHint>
      <dl className="details-list">
        <div>
          <dt>First Name</dt>
          <dd>{profile.first_name}</dd>
        </div>
        <div>
          <dt>Last Name</dt>
          <dd>{profile.last_name}</dd>
        </div>
        <div>
          <dt>Email</dt>
          <dd>{profile.email}</dd>
        </div>
        <div>
          <dt>NPI</dt>
          <dd>{profile.npi ?? <span className="muted">Not on file</span>}</dd>
        </div>
        <div>
          <dt>Office Phone</dt>
          <dd>{profile.office_phone ?? <span className="muted">Not on file</span>}</dd>
        </div>
        <div>
          <dt>Default Location</dt>
          <dd>
            {location ? `${location.name}${place ? ` (${place})` : ''}` : <span className="muted">None</span>}
          </dd>
        </div>
        <div>
          <dt>Profile Photo</dt>
          <dd>
            {profile.photo_url ? (
              <img className={styles.profilePhoto} src={profile.photo_url} alt={`Profile photo of ${name}`} />
            ) : (
              <span className="muted">No photo on file</span>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
