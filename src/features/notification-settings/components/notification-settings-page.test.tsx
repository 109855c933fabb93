import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { testSupabaseUrl } from '../../../../tests/msw/env';
import { server } from '../../../../tests/msw/server';
import { renderSignedIn } from '../../../../tests/render';

const preferences = `${testSupabaseUrl}/rest/v1/staff_alert_preferences`;

/** Serves the signed-in person's saved row (none: the default) and records what a save sends. */
function servePreference(saved: { mode: string; digest_hours: number } | null) {
  const sent: unknown[] = [];
  server.use(
    http.get(preferences, () => (saved ? HttpResponse.json(saved) : new HttpResponse(null, { status: 406 }))),
    http.post(preferences, async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      sent.push(body);
      return HttpResponse.json({ mode: body.mode, digest_hours: body.digest_hours }, { status: 201 });
    }),
  );
  return sent;
}

describe('Notification Settings', () => {
  it('shows the default, an email for each request, when nothing was chosen yet', async () => {
    server.use(http.get(preferences, () => HttpResponse.json(null)));
    await renderSignedIn('scheduler', '/settings/notifications');
    expect(await screen.findByRole('heading', { level: 1, name: 'Notification Settings' })).toBeVisible();
    expect(await screen.findByRole('radio', { name: /An email for each request/ })).toBeChecked();
    expect(screen.queryByRole('spinbutton', { name: /Digest period/ })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Notification Settings' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('saves a digest every 6 hours as the signed-in person’s own row', async () => {
    const sent = servePreference({ mode: 'each_request', digest_hours: 4 });
    const user = userEvent.setup();
    await renderSignedIn('scheduler', '/settings/notifications');
    await user.click(await screen.findByRole('radio', { name: /A digest every few hours/ }));
    const hours = screen.getByRole('spinbutton', { name: /Digest period \(hours\)/ });
    await user.clear(hours);
    await user.type(hours, '6');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ mode: 'digest', digest_hours: 6 });
    expect(await screen.findByRole('status')).toHaveTextContent('Saved.');
  });

  it('refuses a digest period outside 1–24 hours, naming the field, and sends nothing', async () => {
    const sent = servePreference({ mode: 'digest', digest_hours: 4 });
    const user = userEvent.setup();
    await renderSignedIn('therapist', '/settings/notifications');
    const hours = await screen.findByRole('spinbutton', { name: /Digest period \(hours\)/ });
    for (const value of ['25', '0']) {
      await user.clear(hours);
      await user.type(hours, value);
      await user.click(screen.getByRole('button', { name: 'Save' }));
      expect(await screen.findByText('Digest period must be between 1 and 24 hours.')).toBeVisible();
      expect(hours).toHaveAccessibleDescription(/Digest period must be between 1 and 24 hours\./);
    }
    expect(sent).toHaveLength(0);
  });

  it('turns alerts off', async () => {
    const sent = servePreference({ mode: 'digest', digest_hours: 8 });
    const user = userEvent.setup();
    await renderSignedIn('scheduler', '/settings/notifications');
    await user.click(await screen.findByRole('radio', { name: /No emails/ }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ mode: 'off', digest_hours: 8 });
  });

  it('says so when the save fails', async () => {
    server.use(
      http.get(preferences, () => HttpResponse.json({ mode: 'each_request', digest_hours: 4 })),
      http.post(preferences, () =>
        HttpResponse.json({ code: '23514', message: 'violates check constraint' }, { status: 400 }),
      ),
    );
    const user = userEvent.setup();
    await renderSignedIn('scheduler', '/settings/notifications');
    await user.click(await screen.findByRole('radio', { name: /No emails/ }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Your settings could not be saved');
  });
});
