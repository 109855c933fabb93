import { useParams } from 'react-router';
import { ErrorState, LoadingState } from '@/components/ui/status';
import { usePageTitle } from '@/components/ui/use-page-title';
import { useMembership } from '@/lib/membership/membership-context';
import { profileFieldOrder } from '../lib/fields';
import { editableProfileFields } from '../lib/editable-fields';
import { toFormValues } from '../lib/form-values';
import { usePublicProfile } from '../api/get-public-profile';
import { ApplicationStatus } from './application-status';
import { Completeness } from './completeness';
import { ProfileFieldList } from './profile-field-list';
import { ProfilePreview, ProfilePreviewDisclosure } from './profile-preview';
import { PublicProfileForm } from './public-profile-form';
import { StaffRecordFields } from './staff-record-fields';
import { FieldHint } from '@/components/ui/field';
import styles from './public-profile.module.css';

/**
 * Details › Public Profile: what payers show their members. The therapist edits all of it, an org
 * admin the shared fields, a scheduler reads it; the staff record's fields are read-only here.
 */
export function PublicProfileTab() {
  usePageTitle('Public Profile');
  const { staffId = '' } = useParams();
  const membership = useMembership();
  const profile = usePublicProfile(membership.org_id, staffId);

  if (profile.isPending) return <LoadingState label="Loading the public profile…" />;
  if (profile.isError) {
    return (
      <ErrorState
        title="The public profile could not be loaded."
        error={profile.error}
        onRetry={() => void profile.refetch()}
      />
    );
  }

  const details = profile.data;
  if (details === null) {
    return (
      <>
        <h2>Public Profile</h2>
        <p>Public profiles belong to therapists: this staff member has none.</p>
      </>
    );
  }

  const isOwnProfile = details.staff_id === membership.id;
  const editable = editableProfileFields(membership.roles, isOwnProfile);

  return (
    <>
      <h2>Public Profile</h2>
      <p className={styles.profileIntro}>
        What insurance payers and the clinic’s client portal show prospective clients. Save keeps a draft;
        Submit Profile sends it for the Client Referral Program.
      </p>
      <ApplicationStatus profile={details} />
      <StaffRecordFields profile={details} />
      {editable.length > 0 ? (
        // a new form when another profile opens; a refetch of this one keeps what is being typed
        <PublicProfileForm
          key={details.staff_id}
          profile={details}
          editable={editable}
          isOwnProfile={isOwnProfile}
        />
      ) : (
        <ReadOnlyProfile details={details} clinicName={membership.organization.name} />
      )}
    </>
  );
}

/** For viewers who may not edit (schedulers): the whole profile as text, its completeness and the preview. */
function ReadOnlyProfile({
  details,
  clinicName,
}: {
  details: NonNullable<ReturnType<typeof usePublicProfile>['data']>;
  clinicName: string;
}) {
  const values = toFormValues(details);
  return (
    <>
      <Completeness values={values} />
      <ProfilePreviewDisclosure>
        <ProfilePreview profile={details} values={values} clinicName={clinicName} unsaved={false} />
      </ProfilePreviewDisclosure>
      <section
        className={styles.profileSection}
        aria-labelledby="profile-fields-title"
        aria-describedby="profile-fields-hint"
      >
        <h3 id="profile-fields-title">Profile</h3>
        <FieldHint id="profile-fields-hint">
          Read-only: only {details.first_name} or an org admin can edit this profile.
        </FieldHint>
        <ProfileFieldList fields={profileFieldOrder} values={values} />
      </section>
    </>
  );
}
