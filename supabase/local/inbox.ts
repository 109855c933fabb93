/**
 * The dev inbox: takes mail through a Resend-shaped HTTP API (`POST /emails`, the same call the
 * email function makes to the hosted provider, attachments included) and shows every message at
 * `/`, each with its attachments to open or download (a calendar file opens in a calendar app).
 * Messages are kept in a JSON-lines file so they survive a restart.
 */
import { randomUUID } from 'node:crypto';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { serveApp, type ServedApp } from './http-helpers.ts';

export interface InboxAttachment {
  filename: string;
  /** base64, as the provider API takes it */
  content: string;
  content_type: string;
}

export interface InboxMessage {
  id: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: InboxAttachment[];
  idempotency_key: string | null;
  created_at: string;
}

const address = z.string().trim().email().max(254);
const emailRequest = z.object({
  from: z.string().trim().min(1).max(320),
  to: z.union([address, z.array(address).min(1).max(50)]),
  subject: z.string().trim().min(1).max(998),
  html: z.string().max(512_000).default(''),
  text: z.string().max(512_000).default(''),
  // Resend's shape: content is the file in base64
  attachments: z
    .array(
      z.object({
        filename: z
          .string()
          .trim()
          .min(1)
          .max(255)
          .refine(
            (name) => !/[/\\"]/.test(name) && ![...name].some((c) => c < ' '),
            'a file name, not a path',
          ),
        content: z.base64().max(700_000),
        content_type: z
          .string()
          .trim()
          .max(255)
          .regex(/^[\w.+-]+\/[\w.+-]+(\s*;\s*[\w.+-]+=[\w.+-]+)*$/, 'a MIME type')
          .default('application/octet-stream'),
      }),
    )
    .max(10)
    .optional(),
});

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #ccc}a{color:#0b57d0}
iframe{width:100%;height:42rem;border:1px solid #ccc;display:block}pre{white-space:pre-wrap;overflow-wrap:anywhere}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dd{margin:0;overflow-wrap:anywhere}
.attachments{padding:0;list-style:none}.attachments li{margin:.3rem 0}td{overflow-wrap:break-word}
@media (max-width:40rem){thead{display:none}tr{display:block;padding:.5rem 0;border-bottom:1px solid #ccc}td{display:block;padding:.1rem 0;border:0}caption{text-align:left}}</style></head><body><main>${body}</main></body></html>`;
}

export async function startInbox(options: {
  port: number;
  file: string;
  apiKey: string;
}): Promise<ServedApp> {
  await mkdir(path.dirname(options.file), { recursive: true });
  const messages: InboxMessage[] = [];
  try {
    for (const line of (await readFile(options.file, 'utf8')).split('\n'))
      if (line) messages.push(JSON.parse(line));
  } catch {
    // no inbox yet
  }

  const app = new Hono();
  app.post(
    '/emails',
    bodyLimit({
      maxSize: 1_100_000,
      onError: (c) => c.json(problem('bad_request', 'request body is too large'), 413),
    }),
    async (c) => {
      if (c.req.header('authorization') !== `Bearer ${options.apiKey}`)
        return c.json(problem('missing_api_key', 'Authorization: Bearer <key> is missing or wrong'), 401);
      const raw = await c.req.json().catch(() => undefined);
      if (raw === undefined) return c.json(problem('bad_request', 'request body is not valid JSON'), 400);
      const parsed = emailRequest.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return c.json(
          problem('validation_error', `${issue?.path.join('.') || 'body'}: ${issue?.message}`),
          422,
        );
      }
      // like the hosted provider: a repeated Idempotency-Key returns the first message, sends nothing
      const key = c.req.header('idempotency-key') ?? null;
      const earlier = key === null ? undefined : messages.find((m) => m.idempotency_key === key);
      if (earlier) return c.json({ id: earlier.id });
      const { to, attachments, ...rest } = parsed.data;
      const message: InboxMessage = {
        id: randomUUID(),
        to: [to].flat().join(', '),
        ...rest,
        ...(attachments?.length ? { attachments } : {}),
        idempotency_key: key,
        created_at: new Date().toISOString(),
      };
      messages.push(message);
      await appendFile(options.file, `${JSON.stringify(message)}\n`);
      return c.json({ id: message.id });
    },
  );
  app.get('/api/messages', (c) => {
    const to = c.req.query('to')?.toLowerCase();
    return c.json(messages.filter((m) => !to || m.to.toLowerCase().includes(to)).toReversed());
  });
  app.delete('/api/messages', async (c) => {
    messages.length = 0;
    await writeFile(options.file, '');
    return c.body(null, 204);
  });
  app.get('/', (c) => {
    const rows = messages
      .toReversed()
      .map(
        (m) =>
          `<tr><td>${escapeHtml(new Date(m.created_at).toLocaleString())}</td><td>${escapeHtml(m.to)}</td>` +
          `<td><a href="/messages/${m.id}">${escapeHtml(m.subject)}</a>` +
          `${m.attachments?.length ? ` <span title="attachments">(${m.attachments.map((a) => escapeHtml(a.filename)).join(', ')})</span>` : ''}</td></tr>`,
      )
      .join('');
    const body = messages.length
      ? `<table><caption>${messages.length} message(s), newest first</caption><thead><tr><th scope="col">Received</th><th scope="col">To</th><th scope="col">Subject</th></tr></thead><tbody>${rows}</tbody></table>`
      : '<p>No messages yet. Emails the app sends show up here.</p>';
    return c.html(page('Dev inbox', `<h1>Dev inbox</h1>${body}`));
  });
  app.get('/messages/:id', (c) => {
    const message = messages.find((m) => m.id === c.req.param('id'));
    if (!message) return c.notFound();
    const body = `<p><a href="/">All messages</a></p><h1>${escapeHtml(message.subject)}</h1>
<dl><dt>From</dt><dd>${escapeHtml(message.from)}</dd><dt>To</dt><dd>${escapeHtml(message.to)}</dd><dt>Received</dt><dd>${escapeHtml(message.created_at)}</dd></dl>
${attachmentList(message)}
<iframe title="Message body" sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation" srcdoc="${escapeHtml(message.html || `<pre>${escapeHtml(message.text)}</pre>`)}"></iframe>
<script>${fitFrameScript}</script>
<h2>Plain text</h2><pre>${escapeHtml(message.text)}</pre>
${attachmentTexts(message)}`;
    return c.html(page(message.subject, body));
  });
  // an attachment as the mail client would save it: its own type, named, never shown inline
  app.get('/messages/:id/attachments/:index', (c) => {
    const message = messages.find((m) => m.id === c.req.param('id'));
    const attachment = message?.attachments?.[Number(c.req.param('index'))];
    if (!attachment) return c.notFound();
    return c.body(Buffer.from(attachment.content, 'base64'), 200, {
      'content-type': attachment.content_type,
      'content-disposition': `attachment; filename="${attachment.filename}"`,
      'x-content-type-options': 'nosniff',
    });
  });
  app.notFound((c) => c.json(problem('not_found', `No route ${c.req.method} ${c.req.path}`), 404));
  return serveApp(app, options.port);
}

/**
 * Grows the message frame to the email's own height, so a long email reads as one page on a
 * phone too. The frame may be read as same-origin, but runs no script of the email's own (no
 * allow-scripts in its sandbox).
 */
const fitFrameScript = `const frame = document.querySelector('iframe');
const fit = () => { frame.style.height = '0'; frame.style.height = frame.contentDocument.documentElement.scrollHeight + 'px'; };
frame.addEventListener('load', fit); addEventListener('resize', fit); if (frame.contentDocument?.readyState === 'complete') fit();`;

function attachmentList(message: InboxMessage): string {
  if (!message.attachments?.length) return '';
  const items = message.attachments
    .map(
      (a, index) =>
        `<li><a href="/messages/${message.id}/attachments/${index}" download="${escapeHtml(a.filename)}">${escapeHtml(a.filename)}</a> ` +
        `<span>(${escapeHtml(a.content_type.split(';')[0] ?? '')}, ${Buffer.from(a.content, 'base64').length} bytes)</span></li>`,
    )
    .join('');
  return `<h2>Attachments</h2><ul class="attachments">${items}</ul>`;
}

/** Text attachments (a calendar file) shown as they are, so a person can read what was sent. */
function attachmentTexts(message: InboxMessage): string {
  return (message.attachments ?? [])
    .filter((a) => /^text\//.test(a.content_type))
    .map(
      (a) =>
        `<details><summary>${escapeHtml(a.filename)} as text</summary><pre>${escapeHtml(Buffer.from(a.content, 'base64').toString('utf8'))}</pre></details>`,
    )
    .join('');
}

/** The hosted email API's error shape. */
const problem = (name: string, message: string) => ({ name, message });
