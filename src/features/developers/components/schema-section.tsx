import type { SchemaView } from '../lib/openapi-reference';
import { CodeBlock } from './code-block';
import styles from './developers.module.css';
import { TypeName } from './type-name';

/** One of the document's schemas: its fields, which are required, and an example. */
export function SchemaSection({ schema }: { schema: SchemaView }) {
  const headingId = `${schema.anchor}-heading`;
  return (
    <section id={schema.anchor} className={styles.operation} aria-labelledby={headingId}>
      <h3 id={headingId}>
        <code className={styles.path}>{schema.name}</code>
      </h3>
      {schema.description && <p>{schema.description}</p>}
      {schema.properties.length > 0 && (
        <ul className={styles.fields}>
          {schema.properties.map((p) => (
            <li key={p.name}>
              <code className={styles.fieldName}>{p.name}</code>{' '}
              <span className={styles.fieldMeta}>{p.required ? 'required' : 'optional'}</span>{' '}
              <TypeName type={p.type} schemaName={p.schemaName} />
              {p.description && <p className={styles.fieldDescription}>{p.description}</p>}
            </li>
          ))}
        </ul>
      )}
      <CodeBlock label={`Example: ${schema.name}`} code={schema.example} />
    </section>
  );
}
