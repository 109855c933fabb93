import { Link } from 'react-router';
import { paths } from '@/lib/access/paths';
import { pendingRequestLimit, usePendingRequests } from '../api/get-pending-requests';
import { timeLeft } from '@/lib/time-left';
import { byUrgency } from '../lib/time-left';
import styles from './home.module.css';
import { RequestList } from './request-list';
import { AllDone, ItemCount, QueryContent, TodoSection } from './todo-section';

/** What a scheduler has to do: every pending request of the clinic, the soonest deadline first. */
export function SchedulerTodo({ orgId }: { orgId: string }) {
  const requests = usePendingRequests(orgId);
  const now = new Date();
  const pending = (requests.data ?? []).filter((r) => !timeLeft(r.expires_at, now).expired).sort(byUrgency);
  const shown = pending.slice(0, pendingRequestLimit);
  return (
    <TodoSection
      id="home-pending-requests"
      title="Pending requests by urgency"
      aside={
        pending.length > 0 ? (
          <ItemCount>
            {pending.length > pendingRequestLimit
              ? `${pendingRequestLimit}+ waiting`
              : `${pending.length} waiting`}
          </ItemCount>
        ) : null
      }
    >
      <QueryContent
        query={requests}
        loading="Loading pending requests…"
        failed="The pending requests could not be loaded."
      >
        {() =>
          shown.length === 0 ? (
            <AllDone>All done: no request is waiting for an answer.</AllDone>
          ) : (
            <>
              <RequestList label="Pending requests" requests={shown} now={now} showTherapist />
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
