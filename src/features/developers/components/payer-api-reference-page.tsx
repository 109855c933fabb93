import { useEffect } from 'react';
import payerApiDocument from '../../../../supabase/functions/payer-api/openapi.json';
import { operationsOf, schemasOf, webhooksOf, type OpenApiDocument } from '../lib/openapi-reference';
import verifyWebhookExample from '../lib/verify-webhook.ts?raw';
import { CodeBlock } from './code-block';
import styles from './developers.module.css';
import { OperationSection } from './operation-section';
import { SchemaSection } from './schema-section';

const doc = payerApiDocument as unknown as OpenApiDocument;
const operations = operationsOf(doc);
const webhooks = webhooksOf(doc);
const schemas = schemasOf(doc);

/**
 * /developers/payer-api — the payer API's reference for payers' developers, public (no sign-in):
 * the generated OpenAPI document (calls, webhooks, schemas, examples), after a worked example of
 * verifying a webhook. A lazy route of its own, so the staff app never loads the document.
 */
export function PayerApiReferencePage() {
  useEffect(() => {
    document.title = 'Payer API reference — Client Referral Program';
  }, []);
  return (
    <main className={styles.page}>
      <header className={styles.block}>
        <h1>Payer API reference</h1>
        <p>{doc.info.description}</p>
        <p>
          Every call takes your payer API key as a bearer token (<code>Authorization: Bearer crp_…</code>).
          Base address: <code className={styles.path}>{doc.servers?.[0]?.url}</code>. Version{' '}
          {doc.info.version}; the machine-readable document is OpenAPI 3.1.
        </p>
        <nav aria-label="Contents" className={styles.contents}>
          <h2 className={styles.contentsHeading}>Contents</h2>
          <ul>
            <li>
              <a href="#verify-webhook">Verify a webhook</a>
            </li>
            <li>
              <a href="#calls">Calls</a>
              <ul>
                {operations.map((o) => (
                  <li key={o.anchor}>
                    <a href={`#${o.anchor}`}>
                      {o.method} {o.path}
                    </a>
                  </li>
                ))}
              </ul>
            </li>
            <li>
              <a href="#webhooks">Webhooks</a>
            </li>
            <li>
              <a href="#schemas">Schemas</a>
            </li>
          </ul>
        </nav>
      </header>
      <section className={styles.block} aria-labelledby="verify-webhook">
        <h2 id="verify-webhook">Verify a webhook</h2>
        <p>
          Deliveries follow the Standard Webhooks specification. Verify each one with the{' '}
          <code>standardwebhooks</code> package and your endpoint’s <code>whsec_…</code> secret before
          trusting it, using the body exactly as received. Drop a repeated <code>webhook-id</code>: a delivery
          is retried until your endpoint answers 2xx.
        </p>
        <CodeBlock label="TypeScript example: verify a webhook" code={verifyWebhookExample} />
      </section>
      <section className={styles.block} aria-labelledby="calls">
        <h2 id="calls">Calls</h2>
        {operations.map((o) => (
          <OperationSection key={o.anchor} operation={o} kind="call" />
        ))}
      </section>
      <section className={styles.block} aria-labelledby="webhooks">
        <h2 id="webhooks">Webhooks</h2>
        <p>Each is a POST to your endpoint, signed with its secret.</p>
        {webhooks.map((w) => (
          <OperationSection key={w.anchor} operation={w} kind="webhook" />
        ))}
      </section>
      <section className={styles.block} aria-labelledby="schemas">
        <h2 id="schemas">Schemas</h2>
        {schemas.map((s) => (
          <SchemaSection key={s.anchor} schema={s} />
        ))}
      </section>
    </main>
  );
}
