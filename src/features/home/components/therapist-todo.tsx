import { Link } from 'react-router';
import { formatDateTime } from '@/lib/datetime';
import { paths } from '@/lib/access/paths';
import { useExternalBlockCount } from '../api/get-external-blocks';
import { useMyProfileStatus } from '../api/get-my-profile-status';
import { usePendingRequests } from '../api/get-pending-requests';
import { dateIn } from '../lib/clinic-date';
import { requiredFieldCount } from '../lib/profile-gaps';
import { isListed, type ProfileStatus } from '../lib/profile-status';
import { timeLeft } from '@/lib/time-left';
import { byUrgency } from '../lib/time-left';
import styles from './home.module.css';
import { RequestList } from './request-list';
import { AllDone, ItemCount, QueryContent, TodoSection } from './todo-section';

interface TherapistTodoProps {
  orgId: string;
  staffId: string;
  /** the clinic's zone: which day "today" is for the calendar */
  timeZone: string;
}

/** What a therapist has to do: finish their profile, answer their requests, open time to requests. */
export function TherapistTodo({ orgId, staffId, timeZone }: TherapistTodoProps) {
  const status = useMyProfileStatus(orgId, staffId);
  const enrolled = status.data?.kind !== 'notEnrolled' && status.data?.kind !== 'deactivated';
  return (
    <>
      <TodoSection id="home-my-profile" title="Your public profile">
        <QueryContent
          query={status}
          loading="Loading your profile…"
          failed="Your profile’s status could not be loaded."
        >
          {(current) => <ProfileStatusText status={current} staffId={staffId} />}
        </QueryContent>
      </TodoSection>
      <MyRequestsSection orgId={orgId} staffId={staffId} />
      {status.data && enrolled ? (
        <ExternalTimeSection
          orgId={orgId}
          staffId={staffId}
          timeZone={timeZone}
          listed={isListed(status.data)}
        />
      ) : null}
    </>
  );
}

function ProfileStatusText({ status, staffId }: { status: ProfileStatus; staffId: string }) {
  const profileLink = paths.staffPublicProfile(staffId);
  switch (status.kind) {
    case 'complete':
      return (
        <>
          <AllDone>
            All done: your profile was submitted on {formatDateTime(status.submittedAt)} (Application Status
            Completed).
          </AllDone>
          <p className={styles.footerLink}>
            <Link to={profileLink}>View your public profile</Link>
          </p>
        </>
      );
    case 'readyToSubmit':
      return (
        <>
          <p className={styles.attention}>
            Every required field is filled in, but the profile is not submitted.
          </p>
          <p className={styles.detail}>
            Payers and your clinic’s request page list you once it is submitted.
          </p>
          <p className={styles.footerLink}>
            <Link to={profileLink}>Submit your public profile</Link>
          </p>
        </>
      );
    case 'incomplete':
      return (
        <>
          <p className={styles.attention}>
            Incomplete: {status.missing.length} of {requiredFieldCount} required fields still missing.
          </p>
          <ul className={styles.missingList} aria-label="Still missing">
            {status.missing.map((field) => (
              <li key={field}>{field}</li>
            ))}
          </ul>
          <p className={styles.footerLink}>
            <Link to={profileLink}>Complete your public profile</Link>
          </p>
        </>
      );
    case 'notEnrolled':
      return (
        <p className={styles.detail}>
          You are not enrolled in the Client Referral Program, so there is no public profile to complete. An
          org admin of your clinic enrolls therapists; we email you when they do.
        </p>
      );
    case 'deactivated':
      return (
        <p className={styles.detail}>
          Your enrollment in the Client Referral Program was deactivated: payers and your clinic’s request
          page no longer list you, and no new request reaches you.
        </p>
      );
  }
}

function MyRequestsSection({ orgId, staffId }: { orgId: string; staffId: string }) {
  const requests = usePendingRequests(orgId);
  const now = new Date();
  // an admin or scheduler who is also a therapist reads the whole clinic's: keep their own
  const mine = (requests.data ?? [])
    .filter((r) => r.therapist_id === staffId && !timeLeft(r.expires_at, now).expired)
    .sort(byUrgency);
  return (
    <TodoSection
      id="home-my-requests"
      title="Your pending requests"
      aside={mine.length > 0 ? <ItemCount>{`${mine.length} waiting`}</ItemCount> : null}
    >
      <QueryContent
        query={requests}
        loading="Loading your requests…"
        failed="Your pending requests could not be loaded."
      >
        {() =>
          mine.length === 0 ? (
            <AllDone>All done: no request is waiting for your answer.</AllDone>
          ) : (
            <>
              <RequestList label="Your pending requests" requests={mine} now={now} showTherapist={false} />
              <p className={styles.footerLink}>
                <Link to={paths.unconfirmedAppointments}>Answer them in Unconfirmed Appointments</Link>
              </p>
            </>
          )
        }
      </QueryContent>
    </TodoSection>
  );
}

interface ExternalTimeSectionProps extends TherapistTodoProps {
  /** whether payers and the request page list the therapist (profile submitted) */
  listed: boolean;
}

function ExternalTimeSection({ orgId, staffId, timeZone, listed }: ExternalTimeSectionProps) {
  const blocks = useExternalBlockCount(orgId, staffId, dateIn(timeZone, new Date()));
  return (
    <TodoSection id="home-external-time" title="Time open to external requests">
      <QueryContent
        query={blocks}
        loading="Loading your calendar…"
        failed="Your calendar could not be checked."
      >
        {(count) =>
          count === 0 ? (
            <>
              <p className={styles.attention}>
                No request can reach you: none of your open calendar blocks accepts external appointments.
              </p>
              <p className={styles.detail}>
                Set Accept External Appointments to Yes on a block of your calendar to open that time.
              </p>
              <p className={styles.footerLink}>
                <Link to={paths.scheduleCalendar}>Open your calendar</Link>
              </p>
            </>
          ) : listed ? (
            <AllDone>
              All done: {blocksText(count)} of your calendar {count === 1 ? 'accepts' : 'accept'} external
              appointments.
            </AllDone>
          ) : (
            <p className={styles.detail}>
              {blocksText(count)} of your calendar {count === 1 ? 'accepts' : 'accept'} external appointments;
              requests reach that time once your profile is submitted.
            </p>
          )
        }
      </QueryContent>
    </TodoSection>
  );
}

const blocksText = (count: number) => (count === 1 ? '1 open block' : `${count} open blocks`);
