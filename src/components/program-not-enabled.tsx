import { programContactEmail, programRequestMailto } from '@/config/program-contact';
import styles from './program-not-enabled.module.css';

interface ProgramNotEnabledProps {
  clinicName: string;
  /** admins learn how to turn it on; other staff, whom to ask */
  audience: 'admin' | 'staff';
  /** the level of this block's headings, under the page's own */
  headingLevel: 2 | 3;
  contactEmail?: string | null;
}

/**
 * For a clinic without the Client Referral Program: what the program is and how it is turned on,
 * instead of a page that only says it is not there.
 */
export function ProgramNotEnabled({
  clinicName,
  audience,
  headingLevel,
  contactEmail = programContactEmail(),
}: ProgramNotEnabledProps) {
  const Heading = `h${headingLevel}` as const;
  const SubHeading = `h${headingLevel + 1}` as 'h3' | 'h4';
  return (
    <section className={styles.panel} aria-labelledby="program-not-enabled-title">
      <Heading id="program-not-enabled-title" className={styles.title}>
        The Client Referral Program is not available to your clinic yet.
      </Heading>
      <SubHeading className={styles.subheading}>What the program does</SubHeading>
      <ul className={styles.points}>
        <li>
          New clients who search their insurance payer’s directory, or your clinic’s own request page, ask for
          an appointment in the open calendar time of the therapists you enroll.
        </li>
        <li>
          You choose which therapists take part and which insurance payers may refer clients to each of them.
        </li>
        <li>
          Therapists complete a public profile and mark the calendar blocks that accept external appointments.
        </li>
        <li>
          Each request waits in Schedule › Unconfirmed Appointments; your staff confirm or decline it within
          48 hours, and the client is emailed either way.
        </li>
      </ul>
      <SubHeading className={styles.subheading}>How it is turned on</SubHeading>
      {audience === 'admin' ? (
        <AdminContact clinicName={clinicName} contactEmail={contactEmail} />
      ) : (
        <p>
          The program is turned on for a whole clinic by the team that provides this dashboard, at the request
          of an org admin of {clinicName}. If you would like it, ask your clinic’s org admin.
        </p>
      )}
    </section>
  );
}

function AdminContact({ clinicName, contactEmail }: { clinicName: string; contactEmail: string | null }) {
  return (
    <>
      <p>
        It is not a setting in your clinic’s account: the team that provides this dashboard turns it on for{' '}
        {clinicName}.
      </p>
      {contactEmail ? (
        <p>
          Email <a href={programRequestMailto(contactEmail, clinicName)}>{contactEmail}</a> from your clinic’s
          address and name {clinicName}.
        </p>
      ) : (
        <p>Ask your account manager or the dashboard’s support team, naming {clinicName}.</p>
      )}
      <p>
        Once it is on, Organization › Manage Subscription › Client Referral Program lists the therapists you
        enroll, with Add Staff to enroll more.
      </p>
    </>
  );
}
