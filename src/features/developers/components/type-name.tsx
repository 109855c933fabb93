import { schemaAnchor } from '../lib/openapi-reference';
import styles from './developers.module.css';

/** A type, linked to its schema's section when it is one of the document's schemas. */
export function TypeName({ type, schemaName }: { type: string; schemaName?: string | null }) {
  if (schemaName) {
    return (
      <a className={styles.type} href={`#${schemaAnchor(schemaName)}`}>
        {type}
      </a>
    );
  }
  return <code className={styles.type}>{type}</code>;
}
