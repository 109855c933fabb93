import { Link } from 'react-router';
import { paths } from '@/lib/access/paths';
import { useIncompleteProfiles, type IncompleteProfile } from '../api/get-incomplete-profiles';
import { pendingRequestLimit, usePendingRequests } from '../api/get-pending-requests';
import { requiredFieldCount, summarizeMissing } from '../lib/profile-gaps';
import { closeToExpiry } from '../lib/time-left';
import styles from './home.module.css';
import { RequestList } from './request-list';
import { AllDone, ItemCount, QueryContent, TodoSection } from './todo-section';

/** What an org admin of a clinic with the program has to do: profiles to finish, requests about to expire. */
export function AdminTodo({ orgId, withExpiringRequests }: { orgId: string; withExpiringRequests: boolean }) {
  return (
    <>
      <IncompleteProfilesSection orgId={orgId} />
      {withExpiringRequests ? <ExpiringRequestsSection orgId={orgId} /> : null}
    </>
  );
}

function IncompleteProfilesSection({ orgId }: { orgId: string }) {
  const profiles = useIncompleteProfiles(orgId);
  return (
    <TodoSection
      id="home-incomplete-profiles"
      title="Therapists with incomplete profiles"
      aside={profiles.data?.length ? <ItemCount>{`${profiles.data.length} to finish`}</ItemCount> : null}
    >
      <QueryContent
        query={profiles}
        loading="Loading the therapists’ profiles…"
        failed="The therapists’ profiles could not be loaded."
      >
        {(rows) =>
          rows.length === 0 ? (
            <AllDone>All done: every enrolled therapist’s profile is submitted.</AllDone>
          ) : (
            <>
              <p className={styles.detail}>
                Payers and your request page list a therapist only once their profile is submitted.
              </p>
              <ul className={styles.items} aria-label="Therapists with incomplete profiles">
                {rows.map((profile) => (
                  <li key={profile.staffId} className={styles.item}>
                    <span className={styles.itemTitle}>
                      <Link to={paths.staffPublicProfile(profile.staffId)}>
                        {profile.firstName} {profile.lastName}
                      </Link>
                    </span>
                    <p className={styles.detail}>{whatIsMissing(profile)}</p>
                  </li>
                ))}
              </ul>
            </>
          )
        }
      </QueryContent>
    </TodoSection>
  );
}

function whatIsMissing(profile: IncompleteProfile): string {
  if (profile.missing.length === 0) return 'Every required field is filled in: ready to submit.';
  if (!profile.started) return `Not started: all ${requiredFieldCount} required fields are empty.`;
  return `Missing: ${summarizeMissing(profile.missing)}.`;
}

function ExpiringRequestsSection({ orgId }: { orgId: string }) {
  const requests = usePendingRequests(orgId);
  const now = new Date();
  const expiring = requests.data ? closeToExpiry(requests.data, now) : [];
  return (
    <TodoSection
      id="home-expiring-requests"
      title="Requests close to expiry"
      aside={<Link to={paths.unconfirmedAppointments}>Open Unconfirmed Appointments</Link>}
    >
      <QueryContent
        query={requests}
        loading="Loading pending requests…"
        failed="The pending requests could not be loaded."
      >
        {(all) =>
          expiring.length === 0 ? (
            <>
              <AllDone>All done: no request expires in the next 12 hours.</AllDone>
              {all.length > 0 ? (
                <p className={styles.footerLink}>
                  {all.length === 1
                    ? '1 request waits for an answer, with more time left.'
                    : `${waitingCount(all.length)} requests wait for an answer, with more time left.`}
                </p>
              ) : null}
            </>
          ) : (
            <>
              <p className={styles.attention}>
                {expiring.length === 1
                  ? '1 request expires within 12 hours.'
                  : `${expiring.length} requests expire within 12 hours.`}{' '}
                Unanswered requests leave the queue and the client is told.
              </p>
              <RequestList label="Requests close to expiry" requests={expiring} now={now} showTherapist />
            </>
          )
        }
      </QueryContent>
    </TodoSection>
  );
}

/** The list reads one more than it keeps: "50+" when the queue holds more. */
const waitingCount = (count: number) =>
  count > pendingRequestLimit ? `${pendingRequestLimit}+` : String(count);
