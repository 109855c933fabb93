/**
 * The one way a form control is wired: a label (with a red asterisk when required), an optional
 * hint, the control, and its error, tied together with aria-describedby so assistive technology
 * reads the hint and the error with the control. Each variant below is a Field around one control.
 *
 * The Field and the variants a page's first view uses; field.tsx adds the others and is what
 * pages import (the public request page imports this file, so a phone gets no more than it uses).
 */
import { useId, type ComponentProps, type ReactNode } from 'react';
import styles from './field.module.css';

/** What a Field hands its control: its id, and how it is described, invalid and required. */
export interface ControlProps {
  id: string;
  className: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  'aria-required'?: true;
}

export interface FieldOptions {
  /** The control's id; one is made up when absent. Give it when something links to the control. */
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  /** The field's validation message; shown under the control and part of its description. */
  error?: string;
  /** Required to submit: an asterisk beside the label, aria-required on the control. */
  required?: boolean;
  /** Announce the error when it appears (role="alert"); off where a form announces a summary instead. */
  announceError?: boolean;
  /** The ids of more descriptions of the control (a note shared by several fields, a character count). */
  describedBy?: string[];
}

interface FieldProps extends FieldOptions {
  after?: ReactNode;
  children: (control: ControlProps) => ReactNode;
}

/** The red asterisk of a required field; the control itself says "required" to assistive technology. */
export function RequiredMark() {
  return (
    <span className={styles.requiredMark} aria-hidden="true">
      *
    </span>
  );
}

/** A note under a label or legend that describes a control or a group (give its id to `describedBy`). */
export function FieldHint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className={styles.hint}>
      {children}
    </p>
  );
}

/** The error under a control or a group (its id in the control's aria-describedby). */
export function FieldError({
  id,
  error,
  announce = false,
}: {
  id: string;
  error: string;
  announce?: boolean;
}) {
  return (
    <p id={id} className={styles.error} role={announce ? 'alert' : undefined}>
      {error}
    </p>
  );
}

export function Field({
  id: givenId,
  label,
  hint,
  error,
  required = false,
  announceError = true,
  describedBy = [],
  after,
  children,
}: FieldProps) {
  const madeUpId = useId();
  const id = givenId ?? madeUpId;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const description = [hintId, ...describedBy, errorId].filter(Boolean).join(' ');
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {label}
        {required ? <RequiredMark /> : null}
      </label>
      {hint ? (
        <p id={hintId} className={styles.hint}>
          {hint}
        </p>
      ) : null}
      {children(wiredControl(id, description, error !== undefined && error !== '', required))}
      {error && errorId ? <FieldError id={errorId} error={error} announce={announceError} /> : null}
      {after}
    </div>
  );
}

/** The control's props; only those that say something, so a caller's own aria-required stays. */
function wiredControl(id: string, description: string, invalid: boolean, required: boolean): ControlProps {
  const control: ControlProps = { id, className: styles.control ?? '' };
  if (description) control['aria-describedby'] = description;
  if (invalid) control['aria-invalid'] = true;
  if (required) control['aria-required'] = true;
  return control;
}

/** Splits a variant's props into the Field's and the control's. */
export function split<T extends FieldOptions>({
  id,
  label,
  hint,
  error,
  required,
  announceError,
  describedBy,
  ...control
}: T) {
  return { field: { id, label, hint, error, required, announceError, describedBy }, control };
}

export type InputProps = FieldOptions & Omit<ComponentProps<'input'>, 'id' | 'required'>;

/** A one-line text input (text, email, password, search, tel, url). */
export function TextField(props: InputProps) {
  const { field, control } = split(props);
  return <Field {...field}>{(wired) => <input type="text" {...control} {...wired} />}</Field>;
}

type SelectProps = FieldOptions &
  Omit<ComponentProps<'select'>, 'id' | 'required'> & {
    /** The options, as <option> elements. */
    children: ReactNode;
  };

/** A drop-down list. */
export function SelectField({ children, ...props }: SelectProps) {
  const { field, control } = split(props);
  return (
    <Field {...field}>
      {(wired) => (
        <select {...control} {...wired}>
          {children}
        </select>
      )}
    </Field>
  );
}
