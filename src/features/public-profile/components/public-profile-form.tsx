import { useCallback, useEffect, useRef, useState } from 'react';
import { Controller, useForm, useWatch, type Control } from 'react-hook-form';
import { useMembership } from '@/lib/membership/membership-context';
import {
  profileDraftSchema,
  profileLimits,
  profileSubmitSchema,
  type ProfileField,
  type ProfileFormValues,
  type ProfileListField,
} from '../schemas';
import { submitState, writableChanges } from '../lib/editable-fields';
import { listFieldVocabulary, profileFieldLabels } from '../lib/fields';
import { toFormValues } from '../lib/form-values';
import { saveErrorMessage } from '../lib/save-error-message';
import { fieldErrorsInFormOrder, type FieldError } from '../lib/validation';
import type { PublicProfileDetails } from '../api/get-public-profile';
import { useSavePublicProfile } from '../api/save-public-profile';
import { ProfileNotSubmittedError, useSubmitPublicProfile } from '../api/submit-public-profile';
import { Completeness } from './completeness';
import {
  CharacterCount,
  CheckboxGroup,
  fieldId,
  SelectInput,
  TextAreaWithCount,
  TextInput,
} from './form-fields';
import { ProfileFieldList } from './profile-field-list';
import { ProfilePreview, ProfilePreviewDisclosure } from './profile-preview';
import { useLeaveWarning } from './use-leave-warning';
import { useProfileDraft } from './use-profile-draft';
import { Button, buttonClassName } from '@/components/ui/button';
import { FieldHint, RequiredMark } from '@/components/ui/field';
import styles from './public-profile.module.css';

type Action = 'save' | 'submit';

interface Props {
  profile: PublicProfileDetails;
  /** The fields the viewer may edit (editableProfileFields): every field, or the shared ones. */
  editable: readonly ProfileField[];
  isOwnProfile: boolean;
}

/** The Public Profile form: Save keeps a draft, Submit Profile validates everything and submits. */
export function PublicProfileForm({ profile, editable, isOwnProfile }: Props) {
  const membership = useMembership();
  const form = useForm<ProfileFormValues>({ defaultValues: toFormValues(profile) });
  const { register, control, getValues, setError, clearErrors, reset, formState } = form;
  // the values last saved: unsaved changes (the local draft, the leave warning) are measured against them
  const baselineRef = useRef<ProfileFormValues>(form.formState.defaultValues as ProfileFormValues);
  const baseline = useCallback(() => baselineRef.current, []);
  const draft = useProfileDraft({ form, staffId: profile.staff_id, editable, baseline });
  const leaveWarning = useLeaveWarning(formState.isDirty);
  const save = useSavePublicProfile();
  const submit = useSubmitPublicProfile();
  const [attempt, setAttempt] = useState<{ action: Action; errors: FieldError[] } | null>(null);
  const [notice, setNotice] = useState<{ text: string; focus: boolean } | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);

  const submitted = profile.submitted_at !== null;
  const state = submitState({
    enrollment_status: profile.enrollment_status,
    submitted_at: profile.submitted_at,
    canEdit: true,
  });
  const editsTherapistFields = editable.includes('pronouns');
  const pending = save.isPending || submit.isPending;
  const subject = isOwnProfile ? 'you' : 'this therapist';
  const errorOf = (field: ProfileField) => formState.errors[field]?.message;

  // after a failed attempt, focus goes to the first field in error (once its message is on screen)
  useEffect(() => {
    const first = attempt?.errors[0];
    if (first) document.getElementById(fieldId(first.field))?.focus();
  }, [attempt]);

  // after a submission, focus goes to the confirmation
  useEffect(() => {
    if (notice?.focus) noticeRef.current?.focus();
  }, [notice]);

  /** The validated changes the viewer may write, or null after showing what to fix. */
  function validate(action: Action) {
    clearErrors();
    setNotice(null);
    save.reset();
    submit.reset();
    // a submitted profile stays complete: saving it checks every required field too
    const schema = action === 'submit' || submitted ? profileSubmitSchema : profileDraftSchema;
    const result = schema.safeParse(getValues());
    if (result.success) {
      setAttempt(null);
      return writableChanges(result.data, editable);
    }
    const errors = fieldErrorsInFormOrder(result.error.issues);
    for (const { field, message } of errors) setError(field, { type: 'validate', message });
    setAttempt({ action, errors });
    return null;
  }

  const target = { orgId: membership.org_id, staffId: profile.staff_id, saved: profile.saved };

  /** After a save, what was sent is the new baseline: only later edits count as unsaved. */
  const markSaved = (sent: ProfileFormValues) => {
    baselineRef.current = sent;
    reset(sent, { keepValues: true });
    draft.clear();
  };

  function onSave() {
    const changes = validate('save');
    if (!changes) return;
    const sent = getValues();
    save.mutate(
      { ...target, changes },
      {
        onSuccess: () => {
          markSaved(sent);
          setNotice({ text: submitted ? 'Changes saved.' : 'Draft saved.', focus: false });
        },
      },
    );
  }

  function onSubmitProfile() {
    const changes = validate('submit');
    if (!changes) return;
    const sent = getValues();
    submit.mutate(
      { ...target, changes },
      {
        onSuccess: () => {
          markSaved(sent);
          setNotice({ text: 'Profile submitted. Application Status: Completed.', focus: true });
        },
        // the changes were saved even though the submission was refused
        onError: (error) => {
          if (error instanceof ProfileNotSubmittedError) markSaved(sent);
        },
      },
    );
  }

  const failure = save.error ?? submit.error;

  const checkboxGroup = (field: ProfileListField) => (
    <Controller
      key={field}
      name={field}
      control={control}
      render={({ field: { value, onChange, onBlur, ref } }) => (
        <CheckboxGroup
          field={field}
          label={profileFieldLabels[field]}
          required
          kind={listFieldVocabulary[field]}
          value={value as string[]}
          onChange={onChange}
          onBlur={onBlur}
          firstRef={ref}
          error={errorOf(field)}
        />
      )}
    />
  );

  return (
    <form
      className={styles.profileForm}
      aria-label="Public profile"
      aria-busy={pending}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSave();
      }}
    >
      {leaveWarning}
      {draft.restored ? (
        <div role="status" className="callout callout-info">
          <p className="callout-title">Your unsaved changes were restored.</p>
          <p>
            They were kept on this device ({formatDraftTime(draft.restored.savedAt)}) and are not saved to the
            profile yet: review them, then {submitted ? 'save your changes' : 'save the draft'}.
          </p>
          <Button variant="secondary" onClick={draft.discard}>
            Discard restored changes
          </Button>
        </div>
      ) : null}
      <LiveCompleteness control={control} />
      <ProfilePreviewDisclosure>
        <LivePreview
          control={control}
          profile={profile}
          clinicName={membership.organization.name}
          unsaved={formState.isDirty}
        />
      </ProfilePreviewDisclosure>

      {attempt ? (
        <div role="alert" className={`${styles.errorSummary} callout callout-error`}>
          <p className="callout-title">
            {attempt.action === 'submit' ? 'The profile was not submitted.' : 'The profile was not saved.'}{' '}
            Fix {attempt.errors.length === 1 ? 'this field' : `these ${attempt.errors.length} fields`}:
          </p>
          <ul>
            {attempt.errors.map(({ field, message }) => (
              <li key={field}>
                <a
                  href={`#${fieldId(field)}`}
                  onClick={(event) => {
                    event.preventDefault();
                    document.getElementById(fieldId(field))?.focus();
                  }}
                >
                  {message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <p className={styles.formNote}>
        Fields marked <RequiredMark />
        <span className="visually-hidden">as required</span> are required to submit the profile; a draft can
        be saved at any time.
      </p>

      <section className={styles.profileSection} aria-labelledby="professional-details-title">
        <h3 id="professional-details-title">Professional details</h3>
        <TextInput
          field="professional_title"
          label={profileFieldLabels.professional_title}
          required
          hint="For example LCSW, PhD or LMHC."
          autoComplete="off"
          error={errorOf('professional_title')}
          {...register('professional_title')}
        />
        <SelectInput
          field="license_type"
          label={profileFieldLabels.license_type}
          required
          kind="license_type"
          placeholder="Choose a license type"
          error={errorOf('license_type')}
          {...register('license_type')}
        />
        <SelectInput
          field="license_state"
          label={profileFieldLabels.license_state}
          required
          kind="us_state"
          placeholder="Choose a state"
          error={errorOf('license_state')}
          {...register('license_state')}
        />
        <TextInput
          field="license_number"
          label={profileFieldLabels.license_number}
          required
          hint="3–20 letters, digits or dashes. Not shown to payers."
          autoComplete="off"
          spellCheck={false}
          error={errorOf('license_number')}
          {...register('license_number')}
        />
      </section>

      <section className={styles.profileSection} aria-labelledby="about-title">
        <h3 id="about-title">About</h3>
        <TextAreaWithCount
          field="about_me"
          label={profileFieldLabels.about_me}
          required
          hint={`How you work and whom you help, in your own words: ${profileLimits.aboutMin} to ${new Intl.NumberFormat('en-US').format(profileLimits.aboutMax)} characters.`}
          count={
            <LiveCharacterCount
              control={control}
              field="about_me"
              minChars={profileLimits.aboutMin}
              maxChars={profileLimits.aboutMax}
            />
          }
          rows={8}
          error={errorOf('about_me')}
          {...register('about_me')}
        />
      </section>

      <section className={styles.profileSection} aria-labelledby="practice-title">
        <h3 id="practice-title">Practice</h3>
        {(
          ['specialties', 'treatment_approaches', 'ages_served', 'session_formats', 'languages'] as const
        ).map(checkboxGroup)}
      </section>

      <section className={styles.profileSection} aria-labelledby="optional-title">
        <h3 id="optional-title">Optional details</h3>
        <TextInput
          field="education"
          label={profileFieldLabels.education}
          hint="Degrees and schools, for example “MSW, Boston College”."
          error={errorOf('education')}
          {...register('education')}
        />
        <TextInput
          field="years_in_practice"
          label={profileFieldLabels.years_in_practice}
          inputMode="numeric"
          className={styles.inputShort}
          autoComplete="off"
          error={errorOf('years_in_practice')}
          {...register('years_in_practice')}
        />
        <TextInput
          field="website"
          label={profileFieldLabels.website}
          type="url"
          inputMode="url"
          autoComplete="url"
          spellCheck={false}
          hint="A full address starting with https://"
          error={errorOf('website')}
          {...register('website')}
        />
      </section>

      <section
        className={styles.profileSection}
        aria-labelledby="personal-title"
        aria-describedby="personal-hint"
      >
        <h3 id="personal-title">Personal details</h3>
        {editsTherapistFields ? (
          <>
            <FieldHint id="personal-hint">
              Optional, and only you can edit these: an org admin sees them but cannot change them.
            </FieldHint>
            <TextInput
              field="pronouns"
              label={profileFieldLabels.pronouns}
              hint="For example she/her, he/him or they/them."
              autoComplete="off"
              error={errorOf('pronouns')}
              {...register('pronouns')}
            />
            <TextInput
              field="gender_identity"
              label={profileFieldLabels.gender_identity}
              autoComplete="off"
              error={errorOf('gender_identity')}
              {...register('gender_identity')}
            />
            <TextAreaWithCount
              field="first_session_note"
              label={profileFieldLabels.first_session_note}
              hint="A personal note for new clients: how the first session goes, what to bring."
              count={
                <LiveCharacterCount
                  control={control}
                  field="first_session_note"
                  maxChars={profileLimits.firstSessionNoteMax}
                />
              }
              rows={5}
              error={errorOf('first_session_note')}
              {...register('first_session_note')}
            />
          </>
        ) : (
          <>
            <FieldHint id="personal-hint">
              Read-only: only {profile.first_name} can edit pronouns, gender identity and “What to expect in a
              first session”.
            </FieldHint>
            <ProfileFieldList
              fields={['pronouns', 'gender_identity', 'first_session_note']}
              values={toFormValues(profile)}
            />
          </>
        )}
      </section>

      {failure ? (
        <div role="alert" className="callout callout-error">
          {failure instanceof ProfileNotSubmittedError ? (
            <p className="callout-title">Your changes were saved, but the profile was not submitted.</p>
          ) : (
            <p className="callout-title">
              {submit.isError ? 'The profile was not submitted.' : 'The profile was not saved.'}
            </p>
          )}
          <p>{saveErrorMessage(failure)}</p>
        </div>
      ) : null}

      <div className={styles.formActions}>
        <button
          type="submit"
          className={buttonClassName({ variant: state === 'available' ? 'secondary' : 'primary' })}
          disabled={pending}
        >
          {save.isPending ? 'Saving…' : submitted ? 'Save changes' : 'Save draft'}
        </button>
        {state === 'available' ? (
          <button
            type="button"
            className={buttonClassName({ variant: 'primary' })}
            disabled={pending}
            onClick={onSubmitProfile}
          >
            {submit.isPending ? 'Submitting…' : 'Submit Profile'}
          </button>
        ) : null}
      </div>
      {state === 'not-enrolled' ? (
        <p className="muted">
          Submit Profile is available once an admin adds {subject} to the Client Referral Program.
        </p>
      ) : null}
      {state === 'deactivated' ? (
        <p className="muted">
          Submit Profile is not available: {isOwnProfile ? 'your' : 'this therapist’s'} enrollment in the
          Client Referral Program was deactivated.
        </p>
      ) : null}
      {state === 'submitted' ? (
        <p className="muted">
          This profile has been submitted. It stays editable, but every required field must stay filled in.
        </p>
      ) : null}

      <p
        role="status"
        ref={noticeRef}
        tabIndex={-1}
        className={notice ? 'callout callout-success' : undefined}
      >
        {notice?.text}
      </p>
    </form>
  );
}

function formatDraftTime(iso: string): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

// The parts that follow every keystroke subscribe to the fields they show, so typing re-renders
// them alone, not the whole form.

function LiveCompleteness({ control }: { control: Control<ProfileFormValues> }) {
  const values = useWatch({ control }) as ProfileFormValues;
  return <Completeness values={values} />;
}

function LivePreview({
  control,
  profile,
  clinicName,
  unsaved,
}: {
  control: Control<ProfileFormValues>;
  profile: PublicProfileDetails;
  clinicName: string;
  unsaved: boolean;
}) {
  const values = useWatch({ control }) as ProfileFormValues;
  return <ProfilePreview profile={profile} values={values} clinicName={clinicName} unsaved={unsaved} />;
}

function LiveCharacterCount({
  control,
  field,
  minChars,
  maxChars,
}: {
  control: Control<ProfileFormValues>;
  field: 'about_me' | 'first_session_note';
  minChars?: number;
  maxChars: number;
}) {
  const text = useWatch({ control, name: field });
  return <CharacterCount field={field} text={text} minChars={minChars} maxChars={maxChars} />;
}
