import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { ErrorState, LoadingState } from '@/components/ui/status';
import type { EnrollmentRow, PayerRef } from '../api/get-program-grid';
import { usePayers } from '../api/get-payers';
import { useSetEnrollmentPayers } from '../api/set-enrollment-payers';
import { personName } from '../lib/labels';
import { mutationErrorMessage } from '../lib/mutation-error-message';
import { editPayersFormSchema, type EditPayersValues } from '../schemas';
import { DialogActions } from './dialog-actions';
import { ModalDialog } from '@/components/ui/modal-dialog';
import { PayerCheckboxes } from './payer-checkboxes';

interface EditPayersDialogProps {
  orgId: string;
  enrollment: EnrollmentRow;
  onClose: () => void;
  onSaved: () => void;
}

/** Edit: which payers may refer clients to an enrolled therapist (at least one). */
export function EditPayersDialog({ orgId, enrollment, onClose, onSaved }: EditPayersDialogProps) {
  const payers = usePayers(orgId);
  const save = useSetEnrollmentPayers(orgId);
  const name = personName(enrollment);

  return (
    <ModalDialog title={`Edit payers for ${name}`} onClose={onClose} busy={save.isPending}>
      {payers.isPending ? <LoadingState label="Loading payers…" /> : null}
      {payers.isError ? (
        <ErrorState
          title="The payers could not be loaded."
          error={payers.error}
          onRetry={() => void payers.refetch()}
        />
      ) : null}
      {payers.isSuccess ? (
        <EditPayersForm
          payers={payers.data}
          initial={enrollment.payers.map((payer) => payer.id)}
          pending={save.isPending}
          serverError={save.isError ? mutationErrorMessage(save.error) : null}
          onCancel={onClose}
          onSubmit={async ({ payerIds }) => {
            await save.mutateAsync({ enrollmentId: enrollment.enrollmentId, payerIds });
            onSaved();
          }}
        />
      ) : null}
    </ModalDialog>
  );
}

interface EditPayersFormProps {
  payers: readonly PayerRef[];
  initial: string[];
  pending: boolean;
  serverError: string | null;
  onCancel: () => void;
  onSubmit: (values: EditPayersValues) => Promise<void>;
}

function EditPayersForm({ payers, initial, pending, serverError, onCancel, onSubmit }: EditPayersFormProps) {
  const { control, handleSubmit, setFocus } = useForm<EditPayersValues>({
    resolver: zodResolver(editPayersFormSchema),
    defaultValues: { payerIds: initial },
  });

  // the form appears once the payers have loaded: start at the first checkbox
  useEffect(() => setFocus('payerIds'), [setFocus]);

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
