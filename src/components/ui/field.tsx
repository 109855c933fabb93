/**
 * Every form control of the kit: the ones in field-base.tsx (Field, text and select fields) and
 * the others (date and time, text area, checkbox group). Import fields from here.
 */
import { useId, type ComponentProps, type ReactNode, type Ref } from 'react';
import { Field, FieldError, RequiredMark, split, type FieldOptions, type InputProps } from './field-base';
import styles from './field.module.css';

export * from './field-base';

/** A date or a time (the browser's own picker). */
export function DateTimeField({ type, ...props }: InputProps & { type: 'date' | 'time' | 'datetime-local' }) {
  const { field, control } = split(props);
  return <Field {...field}>{(wired) => <input type={type} {...control} {...wired} />}</Field>;
}

type TextAreaProps = FieldOptions &
  Omit<ComponentProps<'textarea'>, 'id' | 'required'> & {
    after?: ReactNode;
  };

/** A multi-line text area; `after` (with its id in `describedBy`) holds e.g. a character count. */
export function TextAreaField({ after, ...props }: TextAreaProps) {
  const { field, control } = split(props);
  return (
    <Field {...field} after={after}>
      {(wired) => <textarea {...control} {...wired} />}
    </Field>
  );
}

export interface CheckboxOption {
  value: string;
  label: ReactNode;
}

interface CheckboxGroupProps extends Omit<FieldOptions, 'announceError' | 'describedBy'> {
  /** The group's name (each checkbox's `name`). */
  name: string;
  options: readonly CheckboxOption[];
  value: readonly string[];
  /** The checked values, in the options' order whatever the order of clicks. */
  onChange: (next: string[]) => void;
  onBlur?: () => void;
  /** The first checkbox (focused when the group's error is followed from a summary). */
  firstRef?: Ref<HTMLInputElement>;
  disabled?: boolean;
  /** Lay the checkboxes out in columns when there is room. */
  columns?: boolean;
  announceError?: boolean;
}

/**
 * A list of checkboxes in a fieldset whose legend names the list. "Required" is said in the
 * legend: aria-required belongs to single controls, not to a group of checkboxes.
 */
export function CheckboxGroupField({
  id: givenId,
  name,
  label,
  hint,
  error,
  required = false,
  announceError = false,
  options,
  value,
  onChange,
  onBlur,
  firstRef,
  disabled,
  columns = false,
}: CheckboxGroupProps) {
  const madeUpId = useId();
  const id = givenId ?? madeUpId;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const description = [hintId, errorId].filter(Boolean).join(' ');
  const toggle = (key: string, checked: boolean) =>
    onChange(options.map((o) => o.value).filter((k) => (k === key ? checked : value.includes(k))));
  return (
    <fieldset
      className={error ? `${styles.group} ${styles.groupInvalid}` : styles.group}
      aria-describedby={description || undefined}
      disabled={disabled}
    >
      <legend className={styles.label}>
        {label}
        {required ? (
          <>
            <RequiredMark />
            <span className="visually-hidden"> (required)</span>
          </>
        ) : null}
      </legend>
      {hint ? (
        <p id={hintId} className={styles.hint}>
          {hint}
        </p>
      ) : null}
      {error && errorId ? <FieldError id={errorId} error={error} announce={announceError} /> : null}
      <div className={columns ? styles.checkboxColumns : styles.checkboxList}>
        {options.map((option, index) => (
          <label key={option.value} className={styles.checkbox}>
            <input
              type="checkbox"
              id={index === 0 ? id : `${id}-${option.value}`}
              ref={index === 0 ? firstRef : undefined}
              name={name}
              value={option.value}
              checked={value.includes(option.value)}
              onChange={(event) => toggle(option.value, event.target.checked)}
              onBlur={onBlur}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
