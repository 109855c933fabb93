import type { ProfileField, ProfileFormValues } from '../schemas';
import { displayValue } from '../lib/display';
import { profileFieldLabels } from '../lib/fields';

/** Profile fields shown as text, not as inputs (for viewers who may not edit them). */
export function ProfileFieldList({
  fields,
  values,
}: {
  fields: readonly ProfileField[];
  values: ProfileFormValues;
}) {
  return (
    <dl className="details-list">
      {fields.map((field) => {
        const value = displayValue(field, values);
        return (
          <div key={field}>
            <dt>{profileFieldLabels[field]}</dt>
            <dd
              className={field === 'about_me' || field === 'first_session_note' ? 'preview-about' : undefined}
            >
              {value ?? <span className="muted">Not provided</span>}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
