import { useState, type ReactNode } from 'react';
import type { ProfileFormValues, ProfileListField } from '../schemas';
import { cityAndState, listLabels } from '../lib/display';
import { vocabularyLabel } from '@/lib/profile-vocabulary';
import type { PublicProfileDetails } from '../api/get-public-profile';
import { buttonClassName } from '@/components/ui/button';
import styles from './public-profile.module.css';

interface PreviewProps {
  profile: PublicProfileDetails;
  values: ProfileFormValues;
  clinicName: string;
  /** The values shown include changes not saved yet. */
  unsaved: boolean;
}

/** "Preview profile": a disclosure around the preview; its content renders only while open. */
export function ProfilePreviewDisclosure({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <div className={styles.profileSection}>
      <button
        type="button"
        className={buttonClassName({ variant: 'secondary' })}
        aria-expanded={open}
        aria-controls="profile-preview"
        onClick={() => setOpen((was) => !was)}
      >
        Preview profile
      </button>
      <div id="profile-preview" hidden={!open}>
        {open ? children : null}
      </div>
    </div>
  );
}

function Tags({ field, keys }: { field: ProfileListField; keys: readonly string[] }) {
  return (
    <ul className={styles.previewTags}>
      {listLabels(field, keys).map((label) => (
        <li key={label}>{label}</li>
      ))}
    </ul>
  );
}

/**
 * The public profile as payers show it to their members: exactly the fields the payer directory
 * returns (public.referral_directory). Never the email, NPI, office phone or license number, and
 * not the gender identity, which the directory does not publish. Empty fields are left out, as a
 * portal would.
 */
export function ProfilePreview({ profile, values, clinicName, unsaved }: PreviewProps) {
  const name = `${profile.first_name} ${profile.last_name}`;
  const initials = `${profile.first_name.charAt(0)}${profile.last_name.charAt(0)}`;
  const title = values.professional_title.trim();
  const pronouns = values.pronouns.trim();
  const location = profile.default_location;
  const place = cityAndState(location);
  const license =
    values.license_type !== ''
      ? `${vocabularyLabel('license_type', values.license_type)}${values.license_state !== '' ? `, licensed in ${values.license_state}` : ''}`
      : null;
  const details: [string, ReactNode][] = [];
  const addList = (label: string, field: ProfileListField) => {
    if (values[field].length > 0) details.push([label, <Tags field={field} keys={values[field]} />]);
  };
  addList('Specialties', 'specialties');
  addList('Treatment approaches', 'treatment_approaches');
  addList('Ages served', 'ages_served');
  addList('Session formats', 'session_formats');
  addList('Languages', 'languages');
  if (license) details.push(['License', license]);
  if (values.education.trim()) details.push(['Education', values.education.trim()]);
  if (values.years_in_practice.trim()) details.push(['Years in practice', values.years_in_practice.trim()]);
  if (values.website.trim()) details.push(['Website', values.website.trim()]);
  if (values.first_session_note.trim()) {
    details.push([
      'What to expect in a first session',
      <span className={styles.previewAbout}>{values.first_session_note.trim()}</span>,
    ]);
  }

  return (
    <section className={styles.profilePreview} aria-labelledby="preview-title">
      <h3 id="preview-title" className={styles.profileSectionTitle}>
        Preview: the profile as payers show it
      </h3>
      <p className={styles.previewNote}>
        Public fields only: email, NPI, office phone and license number are never shown to payers.
        {unsaved ? ' Includes changes you have not saved yet.' : ''}
      </p>
      <article aria-label={`${name}’s public profile`}>
        <div className={styles.previewHeader}>
          {profile.photo_url ? (
            <img className={styles.profilePhoto} src={profile.photo_url} alt={`Photo of ${name}`} />
          ) : (
            <span className={styles.previewInitials} aria-hidden="true">
              {initials}
            </span>
          )}
          <div>
            <p className={styles.previewName}>
              <strong>
                {name}
                {title ? `, ${title}` : ''}
              </strong>
              {pronouns ? <span className="muted"> ({pronouns})</span> : null}
            </p>
            <p className={styles.previewSubtitle}>
              {clinicName}
              {location ? ` · ${location.name}${place ? `, ${place}` : ''}` : ''}
            </p>
          </div>
        </div>
        {values.about_me.trim() ? <p className={styles.previewAbout}>{values.about_me.trim()}</p> : null}
        {details.length > 0 ? (
          <dl className={styles.previewDetails}>
            {details.map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        ) : null}
      </article>
    </section>
  );
}
