import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { ErrorState, LoadingState } from '@/components/ui/status';
import { usePageTitle } from '@/components/ui/use-page-title';
import { useMembership } from '@/lib/membership/membership-context';
import { useAlertPreference } from '../api/get-alert-preference';
import { useSaveAlertPreference } from '../api/save-alert-preference';
import { alertPreferenceSchema, type AlertMode, type AlertPreference } from '../schemas';
import styles from './notification-settings.module.css';

const modeChoices: { value: AlertMode; label: string; hint: string }[] = [
  {
    value: 'each_request',
    label: 'An email for each request',
    hint: 'As soon as a request arrives for you (or, for schedulers, for the clinic).',
  },
  {
    value: 'digest',
    label: 'A digest every few hours',
    hint: 'One email listing the requests that arrived.',
  },
  { value: 'off', label: 'No emails', hint: 'Check Unconfirmed Appointments yourself.' },
];

/** The signed-in staff member's own page: how they hear of new referral requests. */
export function NotificationSettingsPage() {
  usePageTitle('Notification Settings');
  const membership = useMembership();
  const preference = useAlertPreference(membership.org_id, membership.id);

  return (
    <section aria-labelledby="notification-settings-title" className="page">
      <p className="eyebrow">Your account</p>
      <h1 id="notification-settings-title">Notification Settings</h1>
      <p className={styles.intro}>
        Emails about new requests name the practice, the therapist&rsquo;s first name and the time, and link
        to Unconfirmed Appointments; they never carry the client&rsquo;s details.
      </p>
      {membership.roles.includes('therapist') || membership.roles.includes('scheduler') ? null : (
        <p className={styles.intro}>
          New requests are emailed to the therapist they are for and to the clinic&rsquo;s schedulers; as an
          org admin alone you get none, whatever you choose here.
        </p>
      )}
      {preference.isPending ? <LoadingState label="Loading your notification settings…" /> : null}
      {preference.isError ? (
        <ErrorState
          title="Your notification settings could not be loaded."
          error={preference.error}
          onRetry={() => void preference.refetch()}
        />
      ) : null}
      {preference.isSuccess ? (
        <AlertPreferenceForm orgId={membership.org_id} staffId={membership.id} saved={preference.data} />
      ) : null}
    </section>
  );
}

function AlertPreferenceForm({
  orgId,
  staffId,
  saved,
}: {
  orgId: string;
  staffId: string;
  saved: AlertPreference;
}) {
  const save = useSaveAlertPreference(orgId, staffId);
  const form = useForm<AlertPreference>({
    resolver: zodResolver(alertPreferenceSchema),
    defaultValues: saved,
  });
  const mode = useWatch({ control: form.control, name: 'mode' });
  const { errors, isDirty } = form.formState;

  useEffect(() => {
    form.reset(saved);
  }, [form, saved]);

  const onSubmit = form.handleSubmit((values) => save.mutate(values));

  return (
    <form className={styles.form} onSubmit={(event) => void onSubmit(event)} noValidate>
      <fieldset className={styles.choices}>
        <legend className={styles.legend}>New referral requests</legend>
        {modeChoices.map((choice) => (
          <label key={choice.value} className={styles.choice}>
            <input type="radio" value={choice.value} {...form.register('mode')} />
            <span>
              <span className={styles.choiceLabel}>{choice.label}</span>
              <span className={styles.choiceHint}>{choice.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>

      {mode === 'digest' ? (
        <TextField
          label="Digest period (hours)"
          hint="From 1 to 24 hours: one email per period, listing every request that arrived in it."
          type="number"
          inputMode="numeric"
          min={1}
          max={24}
          step={1}
          required
          error={errors.digest_hours?.message}
          {...form.register('digest_hours', { valueAsNumber: true })}
        />
      ) : null}

      <div className={styles.actions}>
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save'}
        </Button>
        <p role="status" className={styles.status}>
          {save.isSuccess && !isDirty ? 'Saved.' : ''}
        </p>
      </div>
      {save.isError ? (
        <p role="alert" className={styles.failure}>
          Your settings could not be saved: {save.error.message}
        </p>
      ) : null}
    </form>
  );
}
