import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInbox, type InboxMessage } from './inbox.ts';

const apiKey = 'inbox-test-key';
let folder: string;
let inbox: Awaited<ReturnType<typeof startInbox>>;
const url = (p: string) => `http://127.0.0.1:${inbox.port}${p}`;

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'inbox-test-'));
  inbox = await startInbox({ port: 0, file: path.join(folder, 'messages.jsonl'), apiKey });
});
afterAll(async () => {
  await inbox.close();
  await rm(folder, { recursive: true, force: true });
});

const ics = 'BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nSUMMARY:Café\r\nEND:VCALENDAR\r\n';

function send(body: Record<string, unknown>) {
  return fetch(url('/emails'), {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ from: 'no-reply@example.org', subject: 'Hello', text: 'Hi', ...body }),
  });
}

describe('the dev inbox takes attachments as the hosted provider does, and lets a person open them', () => {
  it('keeps a base64 attachment and serves it back as the file it was, to download', async () => {
    const response = await send({
      to: ['client@example.org'],
      attachments: [
        {
          filename: 'appointment.ics',
          content: Buffer.from(ics).toString('base64'),
          content_type: 'text/calendar; charset=utf-8; method=REQUEST',
        },
      ],
    });
    expect(response.status).toBe(200);
    const { id } = (await response.json()) as { id: string };

    const [listed] = (await (
      await fetch(url('/api/messages?to=client@example.org'))
    ).json()) as InboxMessage[];
    expect(listed!.attachments).toEqual([
      expect.objectContaining({
        filename: 'appointment.ics',
        content_type: 'text/calendar; charset=utf-8; method=REQUEST',
      }),
    ]);

    const page = await (await fetch(url(`/messages/${id}`))).text();
    expect(page).toContain(`href="/messages/${id}/attachments/0" download="appointment.ics"`);
    expect(page).toContain('METHOD:REQUEST');
    const list = await (await fetch(url('/'))).text();
    expect(list).toContain('(appointment.ics)');

    const file = await fetch(url(`/messages/${id}/attachments/0`));
    expect(file.headers.get('content-type')).toBe('text/calendar; charset=utf-8; method=REQUEST');
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="appointment.ics"');
    expect(await file.text()).toBe(ics);
    expect((await fetch(url(`/messages/${id}/attachments/1`))).status).toBe(404);
  });

  it('keeps attachments across a restart', async () => {
    const file = path.join(folder, 'messages.jsonl');
    const again = await startInbox({ port: 0, file, apiKey });
    try {
      const [message] = (await (
        await fetch(`http://127.0.0.1:${again.port}/api/messages?to=client@example.org`)
      ).json()) as InboxMessage[];
      expect(Buffer.from(message!.attachments![0]!.content, 'base64').toString()).toBe(ics);
    } finally {
      await again.close();
    }
  });

  it('refuses what the provider would: content that is not base64, a path for a name, a bad type', async () => {
    for (const attachment of [
      { filename: 'a.ics', content: 'not base64!', content_type: 'text/calendar' },
      { filename: '../a.ics', content: 'QQ==', content_type: 'text/calendar' },
      { filename: 'a.ics', content: 'QQ==', content_type: 'text/calendar\r\nx-evil: 1' },
    ]) {
      const response = await send({ to: 'client@example.org', attachments: [attachment] });
      expect(response.status, JSON.stringify(attachment)).toBe(422);
    }
  });

  it('a message without attachments has none, and its page lists none', async () => {
    const response = await send({ to: 'plain@example.org' });
    const { id } = (await response.json()) as { id: string };
    const [message] = (await (
      await fetch(url('/api/messages?to=plain@example.org'))
    ).json()) as InboxMessage[];
    expect(message!.attachments).toBeUndefined();
    expect(await (await fetch(url(`/messages/${id}`))).text()).not.toContain('Attachments');
  });
});
