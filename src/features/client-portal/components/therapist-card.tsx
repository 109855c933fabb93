import { useId, useState } from 'react';
import { Link } from '@/lib/public-router/router';
import { formatAppointmentTime } from '@/lib/appointment-time';
import { truncateText } from '../lib/text';
import { vocabularyLabel, type VocabularyKind } from '@/lib/profile-vocabulary';
import type { PortalSlot, PortalTherapist } from '../schemas';
import styles from './client-portal.module.css';
import { buttonClassName } from '@/components/ui/button';

/** Characters of "About me" a card shows before "Read more". */
const aboutPreviewLength = 220;

export const therapistName = (t: Pick<PortalTherapist, 'first_name' | 'last_name'>) =>
  `${t.first_name} ${t.last_name}`;
export const therapistHeadingId = (therapistId: string) => `therapist-${therapistId}-name`;

const labels = (kind: VocabularyKind, keys: readonly string[]) =>
  keys.map((key) => vocabularyLabel(kind, key));

interface TherapistCardProps {
  therapist: PortalTherapist;
  /** The details step's address for one of the therapist's next times. */
  detailsPath: (slot: PortalSlot) => string;
  /** The times step's address: all of the therapist's open times. */
  timesPath: string;
}

/** One therapist's public profile in brief, with their next open times as buttons. */
export function TherapistCard({ therapist, detailsPath, timesPath }: TherapistCardProps) {
  const name = therapistName(therapist);
  const headingId = therapistHeadingId(therapist.id);
  const { location } = therapist;

  return (
    <article aria-labelledby={headingId} className={styles.portalCard}>
      <div className={styles.portalCardHead}>
        {therapist.photo_url ? (
          <img src={therapist.photo_url} alt="" width={72} height={72} className={styles.portalPhoto} />
        ) : null}
        <div>
          <h3 id={headingId} tabIndex={-1}>
            {name}
            {therapist.pronouns ? (
              <span className={styles.portalPronouns}> ({therapist.pronouns})</span>
            ) : null}
          </h3>
          {therapist.professional_title ? (
            <p className={styles.portalCardTitle}>{therapist.professional_title}</p>
          ) : null}
          {location ? (
            <p className={`${styles.portalCardLocation} muted`}>
              {[location.name, [location.city, location.state].filter(Boolean).join(', ')]
                .filter(Boolean)
                .join(' · ')}
            </p>
          ) : null}
        </div>
      </div>

      {therapist.about_me ? <AboutText text={therapist.about_me} name={name} /> : null}

      <dl className={styles.portalFacts}>
        {therapist.specialties.length > 0 ? (
          <div>
            <dt>Specialties</dt>
            <dd>
              <ul className={styles.portalTags}>
                {labels('specialty', therapist.specialties).map((label) => (
                  <li key={label}>{label}</li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
        {therapist.languages.length > 0 ? (
          <div>
            <dt>Languages</dt>
            <dd>{labels('language', therapist.languages).join(', ')}</dd>
          </div>
        ) : null}
        {therapist.session_formats.length > 0 ? (
          <div>
            <dt>Sessions</dt>
            <dd>{labels('session_format', therapist.session_formats).join(', ')}</dd>
          </div>
        ) : null}
        {therapist.ages_served.length > 0 ? (
          <div>
            <dt>Ages</dt>
            <dd>{labels('age_group', therapist.ages_served).join(', ')}</dd>
          </div>
        ) : null}
        {therapist.accepted_payers.length > 0 ? (
          <div>
            <dt>Insurance</dt>
            <dd>{therapist.accepted_payers.map((payer) => payer.name).join(', ')}</dd>
          </div>
        ) : null}
      </dl>

      <NextTimes therapist={therapist} name={name} detailsPath={detailsPath} timesPath={timesPath} />
    </article>
  );
}

function AboutText({ text, name }: { text: string; name: string }) {
  const [expanded, setExpanded] = useState(false);
  const id = useId();
  const preview = truncateText(text, aboutPreviewLength);
  if (!preview.truncated) return <p className={styles.portalAbout}>{preview.text}</p>;
  return (
    <div className={styles.portalAbout}>
      <p id={id}>{expanded ? text : preview.text}</p>
      <button
        type="button"
        className={styles.linkButton}
        aria-expanded={expanded}
        aria-controls={id}
        onClick={() => setExpanded(!expanded)}
      >
        {expanded ? 'Show less' : 'Read more'}
        <span className="visually-hidden"> about {name}</span>
      </button>
    </div>
  );
}

function NextTimes({
  therapist,
  name,
  detailsPath,
  timesPath,
}: {
  therapist: PortalTherapist;
  name: string;
  detailsPath: (slot: PortalSlot) => string;
  timesPath: string;
}) {
  return (
    <div className={styles.portalTimes}>
      <h4>Next open times</h4>
      {therapist.next_slots.length === 0 ? (
        <p className="muted">No open times in the coming three weeks.</p>
      ) : (
        <ul className={styles.portalSlotList} aria-label={`Next open times with ${name}`}>
          {therapist.next_slots.map((slot) => (
            <li key={slot.start}>
              <Link
                className={`${styles.portalSlotButton} ${buttonClassName({ variant: 'secondary' })}`}
                to={detailsPath(slot)}
              >
                <time dateTime={slot.start}>
                  {formatAppointmentTime(slot.start, {
                    officeTimeZone: slot.time_zone,
                    officeName: slot.office_name,
                  })}
                </time>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link className={styles.portalTextLink} to={timesPath}>
          All open times<span className="visually-hidden"> with {name}</span>
        </Link>
      </p>
    </div>
  );
}
