import { requiredProfileFields, type ProfileFormValues } from '../schemas';
import { missingRequiredFields } from '../lib/completeness';
import styles from './public-profile.module.css';

/** How complete the profile is, and what is still missing to submit it. */
export function Completeness({ values }: { values: ProfileFormValues }) {
  const missing = missingRequiredFields(values);
  const total = requiredProfileFields.length;
  if (missing.length === 0) {
    return (
      <section
        className={`${styles.completeness} ${styles.completenessComplete}`}
        aria-labelledby="completeness-title"
      >
        <p id="completeness-title">
          <strong>Completeness: all {total} required fields are filled in.</strong>
        </p>
      </section>
    );
  }
  return (
    <section className={styles.completeness} aria-labelledby="completeness-title">
      <p id="completeness-title">
        <strong>
          Completeness: {total - missing.length} of {total} required fields filled in.
        </strong>{' '}
        Still missing:
      </p>
      <ul aria-label="Still missing">
        {missing.map((item) => (
          <li key={item.field}>{item.label}</li>
        ))}
      </ul>
    </section>
  );
}
