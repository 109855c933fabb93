/**
 * The dev inbox: takes mail through a Resend-shaped HTTP API (`POST /emails`, the same call the
 * email function makes to the hosted provider) and shows every message at `/`.
 * Messages are kept in a JSON-lines file so they survive a restart.
 */
import { randomUUID } from 'node:crypto';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { z } from 'zod';
import { closeServer, listen, readJsonBody, sendJson } from './http-helpers.ts';

export interface InboxMessage {
  id: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
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
iframe{width:100%;min-height:24rem;border:1px solid #ccc}</style></head><body><main>${body}</main></body></html>`;
}

export async function startInbox(options: {
  port: number;
  file: string;
  apiKey: string;
}): Promise<{ close(): Promise<void> }> {
  await mkdir(path.dirname(options.file), { recursive: true });
  const messages: InboxMessage[] = [];
  try {
    for (const line of (await readFile(options.file, 'utf8')).split('\n'))
      if (line) messages.push(JSON.parse(line));
  } catch {
    // no inbox yet
  }

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://inbox');
    try {
      if (req.method === 'POST' && url.pathname === '/emails') {
        if (req.headers.authorization !== `Bearer ${options.apiKey}`) {
          return sendJson(res, 401, {
            name: 'missing_api_key',
            message: 'Authorization: Bearer <key> is missing or wrong',
          });
        }
        const parsed = emailRequest.safeParse(await readJsonBody(req, 1_100_000));
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          return sendJson(res, 422, {
            name: 'validation_error',
            message: `${issue?.path.join('.') || 'body'}: ${issue?.message}`,
          });
        }
        // like the hosted provider: a repeated Idempotency-Key returns the first message, sends nothing
        const key = req.headers['idempotency-key'];
        const earlier = typeof key === 'string' ? messages.find((m) => m.idempotency_key === key) : undefined;
        if (earlier) return sendJson(res, 200, { id: earlier.id });
        const { to, ...rest } = parsed.data;
        const message: InboxMessage = {
          id: randomUUID(),
          to: [to].flat().join(', '),
          ...rest,
          idempotency_key: typeof key === 'string' ? key : null,
          created_at: new Date().toISOString(),
        };
        messages.push(message);
        await appendFile(options.file, `${JSON.stringify(message)}\n`);
        return sendJson(res, 200, { id: message.id });
      }
      if (req.method === 'GET' && url.pathname === '/api/messages') {
        const to = url.searchParams.get('to')?.toLowerCase();
        return sendJson(
          res,
          200,
          messages.filter((m) => !to || m.to.toLowerCase().includes(to)).toReversed(),
        );
      }
      if (req.method === 'DELETE' && url.pathname === '/api/messages') {
        messages.length = 0;
        await writeFile(options.file, '');
        res.writeHead(204).end();
        return;
      }
      if (req.method === 'GET' && url.pathname === '/') {
        const rows = messages
          .toReversed()
          .map(
            (m) =>
              `<tr><td>${escapeHtml(new Date(m.created_at).toLocaleString())}</td><td>${escapeHtml(m.to)}</td>` +
              `<td><a href="/messages/${m.id}">${escapeHtml(m.subject)}</a></td></tr>`,
          )
          .join('');
        const body = messages.length
          ? `<table><caption>${messages.length} message(s), newest first</caption><thead><tr><th scope="col">Received</th><th scope="col">To</th><th scope="col">Subject</th></tr></thead><tbody>${rows}</tbody></table>`
          : '<p>No messages yet. Emails the app sends show up here.</p>';
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(page('Dev inbox', `<h1>Dev inbox</h1>${body}`));
        return;
      }
      const match = /^\/messages\/([0-9a-f-]{36})$/.exec(url.pathname);
      const message = match && messages.find((m) => m.id === match[1]);
      if (req.method === 'GET' && message) {
        const body = `<p><a href="/">All messages</a></p><h1>${escapeHtml(message.subject)}</h1>
<dl><dt>From</dt><dd>${escapeHtml(message.from)}</dd><dt>To</dt><dd>${escapeHtml(message.to)}</dd><dt>Received</dt><dd>${escapeHtml(message.created_at)}</dd></dl>
<iframe title="Message body" sandbox="allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation" srcdoc="${escapeHtml(message.html || `<pre>${escapeHtml(message.text)}</pre>`)}"></iframe>
<h2>Plain text</h2><pre>${escapeHtml(message.text)}</pre>`;
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(message.subject, body));
        return;
      }
      sendJson(res, 404, { name: 'not_found', message: `No route ${req.method} ${url.pathname}` });
    } catch (error) {
      sendJson(res, 400, { name: 'bad_request', message: (error as Error).message });
    }
  });
  await listen(server, options.port);
  return { close: () => closeServer(server) };
}
