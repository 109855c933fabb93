import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { ErrorState, LoadingState } from '@/components/ui/status';
import { useEnrollmentCandidates, type EnrollmentCandidate } from '../api/get-enrollment-candidates';
import { usePayers } from '../api/get-payers';
import { useEnrollStaff } from '../api/enroll-staff';
import { listName } from '../lib/labels';
import { mutationErrorMessage } from '../lib/mutation-error-message';
import { enrollStaffSchema, type EnrollStaffInput, type EnrollStaffValues } from '../schemas';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import { DialogFooter, ModalDialog } from '@/components/ui/modal-dialog';
import { DialogActions } from './dialog-actions';
import { PayerCheckboxes } from './payer-checkboxes';

interface AddStaffDialogProps {
  orgId: string;
  onClose: () => void;
  onAdded: (person: EnrollmentCandidate) => void;
}

/** Add Staff: a therapist of the clinic not enrolled yet, and the payers that may refer clients to them. */
export function AddStaffDialog({ orgId, onClose, onAdded }: AddStaffDialogProps) {
  const candidates = useEnrollmentCandidates(orgId);
  const payers = usePayers(orgId);
  const enroll = useEnrollStaff(orgId);
  const pending = enroll.isPending;

  return (
    <ModalDialog title="Add Staff" onClose={onClose} busy={pending}>
      <p>
        Choose a therapist and the insurance payers that may refer new clients to them. We will email the
        therapist to complete their public profile.
      </p>
      {candidates.isPending || payers.isPending ? (
        <LoadingState label="Loading therapists and payers…" />
      ) : null}
      {candidates.isError ? (
        <ErrorState
          title="The therapists could not be loaded."
          error={candidates.error}
          onRetry={() => void candidates.refetch()}
        />
      ) : null}
      {payers.isError ? (
        <ErrorState
          title="The payers could not be loaded."
          error={payers.error}
          onRetry={() => void payers.refetch()}
        />
      ) : null}
      {candidates.isSuccess && payers.isSuccess ? (
        candidates.data.length === 0 ? (
          <>
            <p className="callout callout-info">
              Every active therapist of your clinic is already in the program (or was deactivated, which is
              permanent).
            </p>
            <DialogFooter>
              <Button variant="secondary" onClick={onClose}>
                Close
              </Button>
            </DialogFooter>
          </>
        ) : (
          <AddStaffForm
            candidates={candidates.data}
            payers={payers.data}
            pending={pending}
            serverError={enroll.isError ? mutationErrorMessage(enroll.error) : null}
            onCancel={onClose}
            onSubmit={async (values) => {
              await enroll.mutateAsync(values);
              const person = candidates.data.find((candidate) => candidate.id === values.staffId);
              if (person) onAdded(person);
            }}
          />
        )
      ) : null}
    </ModalDialog>
  );
}

interface AddStaffFormProps {
  candidates: readonly EnrollmentCandidate[];
  payers: Parameters<typeof PayerCheckboxes>[0]['payers'];
  pending: boolean;
  serverError: string | null;
  onCancel: () => void;
  onSubmit: (values: EnrollStaffValues) => Promise<void>;
}

function AddStaffForm({ candidates, payers, pending, serverError, onCancel, onSubmit }: AddStaffFormProps) {
  const {
    register,
    control,
    handleSubmit,
    setFocus,
    formState: { errors },
  } = useForm<EnrollStaffInput, unknown, EnrollStaffValues>({
    resolver: zodResolver(enrollStaffSchema),
    defaultValues: { staffId: '', payerIds: [] },
  });

  // the form appears once its lists have loaded: start at its first field
  useEffect(() => setFocus('staffId'), [setFocus]);

  return (
    <form
      noValidate
      aria-busy={pending}
      onSubmit={(event) => {
        if (pending) {
          event.preventDefault();
          return;
        }
        void handleSubmit((values) => onSubmit(values).catch(() => undefined))(event);
      }}
    >
      <SelectField label="Staff" error={errors.staffId?.message} {...register('staffId')}>
        <option value="">Select a therapist</option>
        {candidates.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {listName(candidate)}
          </option>
        ))}
      </SelectField>
      <Controller
        control={control}
        name="payerIds"
        render={({ field, fieldState }) => (
          <PayerCheckboxes
            payers={payers}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            firstInputRef={field.ref}
            error={fieldState.error?.message}
          />
        )}
      />
      {serverError ? (
        <div role="alert" className="callout callout-error">
          {serverError}
        </div>
      ) : null}
      <DialogActions pending={pending} onCancel={onCancel} submitLabel="Save" pendingLabel="Saving…" />
    </form>
  );
}
