import { cityAndState } from '../lib/display';
import type { PublicProfileDetails } from '../api/get-public-profile';

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
      className="profile-section profile-readonly"
      aria-labelledby="staff-record-title"
      aria-describedby="staff-record-hint"
    >
      <h3 id="staff-record-title" className="profile-section-title">
        From the staff record <span className="badge badge-readonly">Read-only</span>
      </h3>
      <p id="staff-record-hint" className="field-hint">
        These fields can’t be changed here: they are edited in Staff › Details.
      </p>
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
              <img className="profile-photo" src={profile.photo_url} alt={`Profile photo of ${name}`} />
            ) : (
              <span className="muted">No photo on file</span>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
