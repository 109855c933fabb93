import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useCreateAvailabilityBlock } from '../api/create-availability-block';
import { useDeleteAvailabilityBlock } from '../api/delete-availability-block';
import type { ScheduleLocation } from '../api/get-locations';
import { useUpdateAvailabilityBlock } from '../api/update-availability-block';
import {
  blockErrorMessage,
  formValuesFromSelection,
  weekdayOptions,
  type AvailabilityBlock,
} from '../lib/block-form';
import { timeZoneName } from '../lib/time-zones';
import type { TimeRange } from '@/lib/tstzrange';
import {
  availabilityBlockFormSchema,
  type AvailabilityBlockChanges,
  type AvailabilityBlockFormValues,
} from '../schemas';
import { DialogFooter, ModalDialog } from '@/components/ui/modal-dialog';
import { buttonClassName } from '@/components/ui/button';
import { DateTimeField, FieldError, FieldHint, SelectField } from '@/components/ui/field';
import styles from './schedule.module.css';

export type BlockDialogMode =
  | { kind: 'create'; values: AvailabilityBlockFormValues; selection: TimeRange | null }
  | { kind: 'edit'; block: AvailabilityBlock; values: AvailabilityBlockFormValues };

interface AvailabilityBlockDialogProps {
  mode: BlockDialogMode;
  orgId: string;
  staffId: string;
  therapistName: string;
  locations: readonly ScheduleLocation[];
  /** Whether the Accept External Appointments toggle exists (the therapist is enrolled and active). */
  showAcceptExternal: boolean;
  /** Why requests could not reach a block open to them (see externalReachProblems); empty when they can. */
  externalReachProblems: readonly string[];
  onClose: () => void;
  /** After a save or delete, with what to announce. */
  onDone: (message: string) => void;
}

/** Create, edit or delete one availability block: a modal form whose times are in the location's zone. */
export function AvailabilityBlockDialog({
  mode,
  onClose,
  therapistName,
  ...rest
}: AvailabilityBlockDialogProps) {
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const title = confirmingDelete
    ? 'Delete this availability block?'
    : mode.kind === 'create'
      ? 'New availability block'
      : 'Edit availability block';
  return (
    <ModalDialog title={title} description={`${therapistName}’s availability`} onClose={onClose}>
      {confirmingDelete && mode.kind === 'edit' ? (
        <DeleteConfirmation
          block={mode.block}
          orgId={rest.orgId}
          staffId={rest.staffId}
          onCancel={() => setConfirmingDelete(false)}
          onDone={(message) => {
            rest.onDone(message);
            onClose();
          }}
        />
      ) : (
        <BlockForm mode={mode} close={onClose} onDelete={() => setConfirmingDelete(true)} {...rest} />
      )}
    </ModalDialog>
  );
}

function BlockForm({
  mode,
  orgId,
  staffId,
  locations,
  showAcceptExternal,
  externalReachProblems,
  onDone,
  close,
  onDelete,
}: Omit<AvailabilityBlockDialogProps, 'onClose' | 'therapistName'> & {
  close: () => void;
  onDelete: () => void;
}) {
  const create = useCreateAvailabilityBlock();
  const update = useUpdateAvailabilityBlock();
  const mutation = mode.kind === 'create' ? create : update;
  const id = useId();
  const {
    register,
    handleSubmit,
    control,
    setValue,
    formState: { errors, dirtyFields },
  } = useForm<AvailabilityBlockFormValues, unknown, AvailabilityBlockChanges>({
    resolver: zodResolver(availabilityBlockFormSchema),
    defaultValues: mode.values,
  });
  const repeats = useWatch({ control, name: 'repeats' });
  const locationId = useWatch({ control, name: 'location_id' });
  const acceptExternal = useWatch({ control, name: 'accept_external' });
  const location = locations.find((l) => l.id === locationId);

  // A range selected on the calendar is a moment: when the location (and so the zone) changes,
  // its wall-clock times follow, unless the person has typed their own.
  const selection = mode.kind === 'create' ? mode.selection : null;
  function followSelection(nextLocationId: string) {
    const zone = locations.find((l) => l.id === nextLocationId)?.time_zone;
    if (!selection || !zone || dirtyFields.valid_from || dirtyFields.start_time || dirtyFields.end_time)
      return;
    const values = formValuesFromSelection(selection, zone);
    setValue('valid_from', values.valid_from);
    if (values.start_time && values.end_time) {
      setValue('start_time', values.start_time);
      setValue('end_time', values.end_time);
    }
  }

  async function save(changes: AvailabilityBlockChanges) {
    if (mode.kind === 'create') await create.mutateAsync({ orgId, staffId, block: changes });
    else await update.mutateAsync({ orgId, staffId, blockId: mode.block.id, block: changes });
    onDone(
      mode.kind === 'create' ? 'The availability block was added.' : 'The availability block was saved.',
    );
    close();
  }

  const fieldId = (name: string) => `${id}-${name}`;
  const errorId = (name: keyof AvailabilityBlockFormValues) =>
    errors[name] ? `${fieldId(name)}-error` : undefined;
  const fieldError = (name: keyof AvailabilityBlockFormValues) =>
    errors[name]?.message ? <FieldError id={`${fieldId(name)}-error`} error={errors[name].message} /> : null;
  const zoneNoteId = fieldId('zone-note');

  return (
    <form
      noValidate
      aria-busy={mutation.isPending}
      onSubmit={(event) => void handleSubmit((values) => save(values).catch(() => undefined))(event)}
    >
      <SelectField
        id={fieldId('location_id')}
        label="Location"
        error={errors.location_id?.message}
        {...register('location_id', {
          onChange: (event: { target: { value: string } }) => followSelection(event.target.value),
        })}
      >
        <option value="">Choose a location</option>
        {locations.map((l) => (
          <option key={l.id} value={l.id}>
            {l.name}
          </option>
        ))}
      </SelectField>

      <fieldset>
        <legend>Repeats</legend>
        <div className={styles.choiceRow}>
          <label>
            <input type="radio" value="once" {...register('repeats')} /> One time
          </label>
          <label>
            <input type="radio" value="weekly" {...register('repeats')} /> Every week
          </label>
        </div>
      </fieldset>

      {repeats === 'weekly' ? (
        <>
          <fieldset aria-describedby={errorId('weekdays')}>
            <legend>Days of the week</legend>
            <div className={styles.choiceRow}>
              {weekdayOptions.map((day) => (
                <label key={day.value}>
                  <input type="checkbox" value={day.value} {...register('weekdays')} /> {day.label}
                </label>
              ))}
            </div>
            {fieldError('weekdays')}
          </fieldset>
          <div className={styles.fieldRow}>
            <DateTimeField
              id={fieldId('valid_from')}
              type="date"
              label="Starts on"
              error={errors.valid_from?.message}
              announceError={false}
              {...register('valid_from')}
            />
            <DateTimeField
              id={fieldId('valid_until')}
              type="date"
              label="Ends on (optional)"
              hint="Empty repeats with no end; at most two years."
              error={errors.valid_until?.message}
              announceError={false}
              {...register('valid_until')}
            />
          </div>
        </>
      ) : (
        <DateTimeField
          id={fieldId('valid_from')}
          type="date"
          label="Date"
          error={errors.valid_from?.message}
          announceError={false}
          {...register('valid_from')}
        />
      )}

      <fieldset>
        <legend>Time</legend>
        <FieldHint id={zoneNoteId}>
          {location
            ? `Times are in ${timeZoneName(location.time_zone)}, the ${location.name}’s time zone.`
            : 'Times are in the location’s time zone.'}
        </FieldHint>
        <div className={styles.fieldRow}>
          <DateTimeField
            id={fieldId('start_time')}
            type="time"
            step={300}
            label="Start time"
            describedBy={[zoneNoteId]}
            error={errors.start_time?.message}
            announceError={false}
            {...register('start_time')}
          />
          <DateTimeField
            id={fieldId('end_time')}
            type="time"
            step={300}
            label="End time"
            describedBy={[zoneNoteId]}
            error={errors.end_time?.message}
            announceError={false}
            {...register('end_time')}
          />
        </div>
      </fieldset>

      {showAcceptExternal ? (
        <fieldset aria-describedby={fieldId('external-hint')}>
          <legend>Accept External Appointments</legend>
          <FieldHint id={fieldId('external-hint')}>
            Yes lets clients request appointments in this time through their insurance payer or the Client
            Portal.
          </FieldHint>
          <div className={styles.choiceRow}>
            <label>
              <input type="radio" value="yes" {...register('accept_external')} /> Yes
            </label>
            <label>
              <input type="radio" value="no" {...register('accept_external')} /> No
            </label>
          </div>
          {acceptExternal === 'yes' && externalReachProblems.length > 0 ? (
            <div role="status" className="callout callout-info" id={fieldId('external-reach')}>
              <p className="callout-title">No request can reach this block yet</p>
              {externalReachProblems.map((problem) => (
                <p key={problem}>{problem}</p>
              ))}
            </div>
          ) : null}
        </fieldset>
      ) : null}

      {mutation.isError ? (
        <div role="alert" className="callout callout-error">
          <p className="callout-title">The block was not saved.</p>
          <p>{blockErrorMessage(mutation.error)}</p>
        </div>
      ) : null}

      <DialogFooter>
        {mode.kind === 'edit' ? (
          <button type="button" className={buttonClassName({ variant: 'danger' })} onClick={onDelete}>
            Delete block
          </button>
        ) : null}
        <button type="button" className={buttonClassName({ variant: 'secondary' })} onClick={close}>
          Cancel
        </button>
        <button
          type="submit"
          className={buttonClassName({ variant: 'primary' })}
          disabled={mutation.isPending}
        >
          {mutation.isPending ? 'Saving…' : 'Save block'}
        </button>
      </DialogFooter>
    </form>
  );
}

function DeleteConfirmation({
  block,
  orgId,
  staffId,
  onCancel,
  onDone,
}: {
  block: AvailabilityBlock;
  orgId: string;
  staffId: string;
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const remove = useDeleteAvailabilityBlock();
  return (
    <>
      <p>Every occurrence of this block leaves the calendar. Appointments and requests already in it stay.</p>
      {remove.isError ? (
        <div role="alert" className="callout callout-error">
          <p className="callout-title">The block was not deleted.</p>
          <p>{blockErrorMessage(remove.error)}</p>
        </div>
      ) : null}
      <DialogFooter>
        <button
          type="button"
          className={buttonClassName({ variant: 'secondary' })}
          onClick={onCancel}
          autoFocus
        >
          Keep it
        </button>
        <button
          type="button"
          className={buttonClassName({ variant: 'danger' })}
          disabled={remove.isPending}
          onClick={() =>
            void remove
              .mutateAsync({ orgId, staffId, blockId: block.id })
              .then(() => onDone('The availability block was deleted.'))
              .catch(() => undefined)
          }
        >
          {remove.isPending ? 'Deleting…' : 'Delete block'}
        </button>
      </DialogFooter>
    </>
  );
}
