import type { BodyView, OperationView } from '../lib/openapi-reference';
import { CodeBlock } from './code-block';
import styles from './developers.module.css';
import { TypeName } from './type-name';

function Body({ body, label }: { body: BodyView; label: string }) {
  return (
    <>
      <p className={styles.bodyType}>
        <code>{body.mediaType}</code> <TypeName type={body.type} schemaName={body.schemaName} />
      </p>
      {body.example && <CodeBlock label={`Example: ${label}`} code={body.example} />}
    </>
  );
}

/** One call (or webhook): what it is for, its parameters, its body and its answers. */
export function OperationSection({
  operation,
  kind,
}: {
  operation: OperationView;
  kind: 'call' | 'webhook';
}) {
  const headingId = `${operation.anchor}-heading`;
  const title = kind === 'call' ? `${operation.method} ${operation.path}` : operation.path;
  return (
    <section id={operation.anchor} className={styles.operation} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.operationHeading}>
        {kind === 'call' && <span className={styles.method}>{operation.method}</span>}{' '}
        <code className={styles.path}>{kind === 'call' ? operation.path : title}</code>
      </h3>
      <p>{operation.summary}</p>
      {operation.description && <p>{operation.description}</p>}
      {operation.parameters.length > 0 && (
        <>
          <h4>{kind === 'call' ? 'Parameters' : 'Headers'}</h4>
          <ul className={styles.fields}>
            {operation.parameters.map((p) => (
              <li key={`${p.location}-${p.name}`}>
                <code className={styles.fieldName}>{p.name}</code>{' '}
                <span className={styles.fieldMeta}>
                  {p.location}, {p.required ? 'required' : 'optional'}
                </span>{' '}
                <TypeName type={p.type} />
                {p.description && <p className={styles.fieldDescription}>{p.description}</p>}
              </li>
            ))}
          </ul>
        </>
      )}
      {operation.requestBody && (
        <>
          <h4>{kind === 'call' ? 'Request body' : 'Body'}</h4>
          <Body body={operation.requestBody} label={`${title} body`} />
        </>
      )}
      <h4>{kind === 'call' ? 'Responses' : 'Your answer'}</h4>
      <ul className={styles.fields}>
        {operation.responses.map((r) => (
          <li key={r.status}>
            <code className={styles.fieldName}>{r.status}</code> {r.description}
            {r.body && r.status.startsWith('2') && <Body body={r.body} label={`${title} ${r.status}`} />}
            {r.body && !r.status.startsWith('2') && (
              <>
                {' '}
                <TypeName type={r.body.type} schemaName={r.body.schemaName} />
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
