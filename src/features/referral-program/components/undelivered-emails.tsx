import { buttonClassName } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/status';
import { formatDateTime, isoTimestamp } from '@/lib/datetime';
import { useUndeliveredEmails, type UndeliveredEmail } from '../api/get-undelivered-emails';
import { useResendUndeliveredEmail } from '../api/resend-undelivered-email';
import { emailTemplateLabel, shortError } from '../lib/email-template-labels';
import { mutationErrorMessage } from '../lib/mutation-error-message';
import styles from './referral-program.module.css';

/** What the admin is told once a resend was asked for, by the email's status afterwards. */
function resendNotice(email: UndeliveredEmail, status: string): string {
  if (status === 'sent') return `The email to ${email.recipient} has already been delivered.`;
  if (status === 'pending') {
    return `The email to ${email.recipient} is queued to be sent again. If it still cannot be delivered within 72 hours, it will be listed here again.`;
  }
  return `The email to ${email.recipient} is already being sent again.`;
}

/**
 * "Emails that could not be delivered": the clinic's dead letters (tried for 72 hours), each
 * with its recipient, what it was, when it was given up on and the last error, and Resend.
 * Shows nothing while there are none. The outcome of a resend is told through the page's one
 * status message (`onResent`), which also takes the focus: the row and its button leave the list.
 */
export function UndeliveredEmails({
  orgId,
  onResent,
}: {
  orgId: string;
  onResent: (message: string) => void;
}) {
  const list = useUndeliveredEmails(orgId);
  const resend = useResendUndeliveredEmail(orgId);

  if (list.isError) {
    return (
      <ErrorState
        title="The emails that could not be delivered could not be loaded."
        error={list.error}
        onRetry={() => void list.refetch()}
      />
    );
  }
  const emails = list.data?.emails ?? [];
  const total = list.data?.total ?? 0;

  function onResend(email: UndeliveredEmail) {
    resend.mutate(email.id, { onSuccess: (status) => onResent(resendNotice(email, status)) });
  }

  return (
    <>
      {emails.length > 0 ? (
        <section
          aria-labelledby="undelivered-emails-title"
          className={`callout callout-error ${styles.undeliveredEmails}`}
        >
          <h3 id="undelivered-emails-title" className="callout-title">
            Emails that could not be delivered ({total})
          </h3>
          <p>
            We tried to send each of these emails for 72 hours without success, so the person has not received
            it. Check the address (or reach them another way), then resend: we try again for another 72 hours.
          </p>
          {resend.isError ? (
            <p role="alert" className={styles.undeliveredResendError}>
              {mutationErrorMessage(resend.error)}
            </p>
          ) : null}
          <ul className={styles.undeliveredList}>
            {emails.map((email) => {
              const label = emailTemplateLabel(email.template);
              const resending = resend.isPending && resend.variables === email.id;
              return (
                <li key={email.id} className={styles.undeliveredItem}>
                  <div className={styles.undeliveredDetails}>
                    <p className={styles.undeliveredRecipient}>{email.recipient}</p>
                    <p>{label}</p>
                    {email.dead_lettered_at ? (
                      <p className={styles.undeliveredMeta}>
                        Given up on{' '}
                        <time dateTime={isoTimestamp(email.dead_lettered_at)}>
                          {formatDateTime(email.dead_lettered_at)}
                        </time>{' '}
                        after {email.attempts} {email.attempts === 1 ? 'attempt' : 'attempts'}
                      </p>
                    ) : null}
                    <p className={styles.undeliveredMeta}>Last error: {shortError(email.last_error)}</p>
                  </div>
                  <button
                    type="button"
                    className={buttonClassName({ variant: 'secondary' })}
                    disabled={resending}
                    onClick={() => onResend(email)}
                  >
                    {resending ? 'Resending…' : 'Resend'}
                    <span className="visually-hidden">
                      {' '}
                      “{label}” to {email.recipient}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
          {total > emails.length ? (
            <p className={styles.undeliveredMeta}>
              Showing the {emails.length} most recent of {total}.
            </p>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
