import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testSupabaseUrl } from '../../../../tests/msw/env';
import {
  emptyInsights,
  insightsUrl,
  sampleInsights,
  sampleTherapists,
  therapistPage,
  therapistsUrl,
  type TherapistPageArgs,
} from '../../../../tests/msw/insights-handlers';
import { server } from '../../../../tests/msw/server';
import { renderSignedIn } from '../../../../tests/render';

const route = '/organization/subscription/insights';

/** Serves `answer` for every insights call and records what each call asked. */
function serveInsights(answer: (body: Record<string, string>) => Response | object) {
  const calls: Record<string, string>[] = [];
  server.use(
    http.post(insightsUrl, async ({ request }) => {
      const body = (await request.json()) as Record<string, string>;
      calls.push(body);
      const result = answer(body);
      return result instanceof Response ? result : HttpResponse.json(result);
    }),
    http.get(`${testSupabaseUrl}/rest/v1/payers`, () => HttpResponse.json([{ id: 'aetna', name: 'Aetna' }])),
  );
  return calls;
}

/** Serves `rows` as every therapist of any period, a page at a time, and records what each call asked. */
function serveTherapists(rows = sampleTherapists()) {
  const calls: TherapistPageArgs[] = [];
  server.use(
    http.post(therapistsUrl, async ({ request }) => {
      const body = (await request.json()) as TherapistPageArgs;
      calls.push(body);
      return HttpResponse.json(therapistPage(rows, body));
    }),
  );
  return calls;
}

const pageArgs = (args: Partial<TherapistPageArgs> & Record<string, unknown>) =>
  expect.objectContaining({
    sort_by: 'volume',
    descending: true,
    page_offset: 0,
    page_size: 25,
    with_weekly: true,
    ...args,
  });

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('Insights tab', () => {
  it('asks for the last 90 days of the clinic and says each chart’s figures in words and as a table', async () => {
    const calls = serveInsights(() => sampleInsights());
    const { user } = await renderSignedIn('admin', route);
    expect(await screen.findByRole('heading', { level: 2, name: 'Program insights' })).toBeInTheDocument();
    const weekly = await screen.findByRole('region', { name: 'Requests per week by source' });
    expect(weekly).toHaveTextContent('5 requests over 2 weeks; 2 sources, the most from Aetna.');
    expect(calls[0]).toMatchObject({ org_id: expect.any(String) });
    const days = (Date.parse(calls[0]!.period_to!) - Date.parse(calls[0]!.period_from!)) / 86_400_000;
    expect(days).toBe(89);

    await user.click(within(weekly).getByRole('button', { name: /Show as table/ }));
    const table = within(weekly).getByRole('table', { name: 'Requests per week by source, as a table' });
    const rows = within(table).getAllByRole('row');
    expect(rows.map((r) => [...r.children].map((c) => c.textContent))).toEqual([
      ['Week of', 'Aetna', 'Client Portal', 'Total'],
      ['Oct 19', '2', '1', '3'],
      ['Oct 26', '1', '1', '2'],
    ]);
    expect(within(weekly).getByRole('button', { name: /Show as chart/ })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('lists the outcomes the database returns, a state the app has no name for included', async () => {
    serveInsights(() => sampleInsights());
    await renderSignedIn('admin', route);
    const outcomes = await screen.findByRole('region', { name: 'How requests ended' });
    // the screen-reader table under the chart
    const table = within(outcomes).getByRole('table', { name: 'How requests ended, as a table' });
    expect(within(table).getByRole('rowheader', { name: 'Declined: no availability' })).toBeInTheDocument();
    expect(within(table).getByRole('rowheader', { name: 'Other times offered' })).toBeInTheDocument();
    expect(within(table).getAllByRole('row')).toHaveLength(5);
    const decision = screen.getByRole('region', { name: 'Time to decision' });
    expect(decision).toHaveTextContent(
      'Median 10 h, 90th percentile 35.6 h over 3 decisions. Of 4 requests answered or expired, 50% were answered within 12 h and 75% within 24 h.',
    );
    // the figures come from quarter-hour bins: the page says how precise they are
    expect(decision).toHaveTextContent('read to the quarter hour (at most 15 minutes under the exact time)');
  });

  it('asks the database for the per-therapist table sorted by any figure, a page at a time', async () => {
    serveInsights(() => sampleInsights());
    const asked = serveTherapists();
    const { user } = await renderSignedIn('admin', route);
    const perTherapist = await screen.findByRole('region', { name: 'Per therapist' });
    const names = () =>
      within(within(perTherapist).getByRole('table'))
        .getAllByRole('rowheader')
        .map((c) => c.textContent);
    // most requests first
    await waitFor(() => expect(names()).toEqual(['Ellis, Jordan', 'Raman, Priya']));
    expect(asked).toEqual([pageArgs({ org_id: expect.any(String), period_from: expect.any(String) })]);
    await user.click(within(perTherapist).getByRole('button', { name: /Median time to decision/ }));
    await waitFor(() => expect(names()).toEqual(['Raman, Priya', 'Ellis, Jordan']));
    expect(asked.at(-1)).toEqual(pageArgs({ sort_by: 'median', descending: false }));
    expect(
      within(perTherapist).getByRole('columnheader', { name: /Median time to decision/ }),
    ).toHaveAttribute('aria-sort', 'ascending');
    expect(perTherapist).toHaveTextContent('Requests per week for Raman, Priya: 1, 1');
  });

  it('pages a long per-therapist table in the database, with every row in its CSV', async () => {
    // 60 therapists: volumes 1…60; the database sorts and cuts them, the tab only draws a page
    const therapists = Array.from({ length: 60 }, (_, i) => ({
      id: `t${i + 1}`,
      name: `Therapist ${String(i + 1).padStart(2, '0')}`,
      volume: i + 1,
      confirm_rate: 0.5,
      expiry_rate: 0,
      median_hours: 60 - i,
      weekly: [i, 1],
    }));
    serveInsights(() => sampleInsights());
    const asked = serveTherapists(therapists);
    const saved: Blob[] = [];
    vi.stubGlobal(
      'URL',
      Object.assign(class extends URL {}, {
        createObjectURL: (blob: Blob) => (saved.push(blob), 'blob:insights'),
        revokeObjectURL: () => {},
      }),
    );
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { user } = await renderSignedIn('admin', route);
    const perTherapist = await screen.findByRole('region', { name: 'Per therapist' });
    const names = () =>
      within(within(perTherapist).getByRole('table'))
        .getAllByRole('rowheader')
        .map((c) => c.textContent);
    await waitFor(() => expect(names()).toHaveLength(25));
    expect(names()[0]).toBe('Therapist 60');
    expect(perTherapist).toHaveTextContent('1–25 of 60 therapists');
    const pages = within(perTherapist).getByRole('navigation', { name: 'Pages of therapists' });
    expect(within(pages).getByRole('button', { name: /Previous/ })).toBeDisabled();
    await user.click(within(pages).getByRole('button', { name: /Next/ }));
    await waitFor(() => expect(perTherapist).toHaveTextContent('26–50 of 60 therapists'));
    await waitFor(() => expect(names()[0]).toBe('Therapist 35'));
    await user.click(within(pages).getByRole('button', { name: /Next/ }));
    await waitFor(() => expect(names()).toHaveLength(10));
    expect(names()).toEqual([
      'Therapist 10',
      'Therapist 09',
      'Therapist 08',
      'Therapist 07',
      'Therapist 06',
      'Therapist 05',
      'Therapist 04',
      'Therapist 03',
      'Therapist 02',
      'Therapist 01',
    ]);
    expect(asked.map((a) => a.page_offset)).toEqual([0, 25, 50]);
    expect(perTherapist).toHaveTextContent('51–60 of 60 therapists');
    expect(within(pages).getByRole('button', { name: /Next/ })).toBeDisabled();
    // a new sort is the database's, across all 60, and opens on its first page
    await user.click(within(perTherapist).getByRole('button', { name: /Median time to decision/ }));
    await waitFor(() => expect(names().slice(0, 2)).toEqual(['Therapist 60', 'Therapist 59']));
    expect(asked.at(-1)).toEqual(pageArgs({ sort_by: 'median', descending: false, page_offset: 0 }));
    expect(perTherapist).toHaveTextContent('1–25 of 60 therapists');

    // the CSV: every row in the table's order, without the weekly counts
    await user.click(within(perTherapist).getByRole('button', { name: /Download CSV/ }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(asked.at(-1)).toEqual(
      pageArgs({ sort_by: 'median', descending: false, page_size: 10_000, with_weekly: false }),
    );
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(saved[0]!);
    });
    const lines = text.trim().split('\r\n');
    expect(lines).toHaveLength(61);
    expect(lines[0]).toBe('Therapist,Requests,Confirm rate,Expiry rate,Median time to decision');
    expect(lines[1]).toBe('Therapist 60,60,0.5,0,1');
  });

  it('downloads a chart’s figures as CSV, the same figures as its table', async () => {
    serveInsights(() => sampleInsights());
    const saved: Blob[] = [];
    const downloads: string[] = [];
    // jsdom has no object URLs and does not follow links: the file and its name are what is checked
    vi.stubGlobal(
      'URL',
      Object.assign(class extends URL {}, {
        createObjectURL: (blob: Blob) => (saved.push(blob), 'blob:insights'),
        revokeObjectURL: () => {},
      }),
    );
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    const { user } = await renderSignedIn('admin', route);
    const outcomes = await screen.findByRole('region', { name: 'How requests ended' });
    await user.click(within(outcomes).getByRole('button', { name: /Download CSV/ }));
    expect(downloads).toEqual([expect.stringMatching(/^outcomes-2026-10-19-to-2026-11-01\.csv$/)]);
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(saved[0]!);
    });
    expect(text).toBe(
      'Outcome,Requests,Share\r\nConfirmed,2,0.4\r\nDeclined: no availability,1,0.2\r\nExpired (no answer in time),1,0.2\r\nOther times offered,1,0.2\r\n',
    );
  });

  it('refuses a reversed or over-two-year range before asking, and says why', async () => {
    const calls = serveInsights((body) => sampleInsights(body.period_from, body.period_to));
    const { user } = await renderSignedIn('admin', route);
    await screen.findByRole('region', { name: 'Requests per week by source' });
    await user.selectOptions(screen.getByRole('combobox', { name: /Period/ }), 'custom');
    const first = screen.getByLabelText('First day');
    const last = screen.getByLabelText('Last day');
    await user.clear(first);
    await user.type(first, '2026-11-15');
    await user.clear(last);
    await user.type(last, '2026-10-19');
    expect(await screen.findByText(/The period ends before it starts/)).toBeInTheDocument();
    expect(first).toHaveAttribute('aria-invalid', 'true');
    await user.clear(first);
    await user.type(first, '2024-01-01');
    await user.clear(last);
    await user.type(last, '2026-01-01');
    expect(await screen.findByText(/A period can be at most two years long/)).toBeInTheDocument();
    // no call ever asked for a period the database would refuse
    for (const call of calls) {
      expect(call.period_to! >= call.period_from!).toBe(true);
    }
    expect(calls.some((c) => c.period_from === '2024-01-01' && c.period_to === '2026-01-01')).toBe(false);
    await user.clear(last);
    await user.type(last, '2025-12-31');
    await waitFor(() =>
      expect(calls.at(-1)).toMatchObject({ period_from: '2024-01-01', period_to: '2025-12-31' }),
    );
  });

  it('explains an empty period instead of drawing zeros', async () => {
    serveInsights((body) => emptyInsights(body.period_from!, body.period_to!));
    await renderSignedIn('admin', route);
    expect(await screen.findByText('No requests arrived in this period')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Requests per week by source' })).not.toBeInTheDocument();
  });

  it('shows the server’s refusal and a way to try again', async () => {
    let fail = true;
    serveInsights(() =>
      fail
        ? HttpResponse.json(
            { code: '22023', message: 'A period can be at most two years long.', hint: 'period' },
            { status: 400 },
          )
        : sampleInsights(),
    );
    const { user } = await renderSignedIn('admin', route);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The figures could not be loaded');
    expect(alert).toHaveTextContent('A period can be at most two years long.');
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('region', { name: 'Requests per week by source' })).toBeInTheDocument();
  });

  it('sends the filters as the functions’ arguments, the per-therapist table’s too', async () => {
    const calls = serveInsights(() => sampleInsights());
    const pages = serveTherapists();
    const { user } = await renderSignedIn('admin', route);
    await screen.findByRole('region', { name: 'Requests per week by source' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Source' }), 'client_portal');
    await waitFor(() => expect(calls.at(-1)).toMatchObject({ source_kind: 'client_portal' }));
    expect(calls.at(-1)).not.toHaveProperty('payer');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Source' }), 'aetna');
    await waitFor(() => expect(calls.at(-1)).toMatchObject({ payer: 'aetna' }));
    expect(calls.at(-1)).not.toHaveProperty('source_kind');
    await waitFor(() => expect(pages.at(-1)).toEqual(pageArgs({ payer: 'aetna' })));
    expect(pages.at(-1)).not.toHaveProperty('source_kind');
  });
});

describe('figures on the home page', () => {
  it('a therapist sees their own, with no therapist filter and no per-therapist table', async () => {
    serveInsights(() => sampleInsights());
    await renderSignedIn('therapist', '/');
    expect(await screen.findByRole('heading', { name: 'Your referral figures' })).toBeInTheDocument();
    expect(await screen.findByRole('region', { name: 'Requests per week by source' })).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Therapist' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Per therapist' })).not.toBeInTheDocument();
  });

  it('a scheduler sees the clinic’s', async () => {
    serveInsights(() => sampleInsights());
    await renderSignedIn('scheduler', '/');
    expect(await screen.findByRole('heading', { name: 'The clinic’s referral figures' })).toBeInTheDocument();
    expect(await screen.findByRole('region', { name: 'Per therapist' })).toBeInTheDocument();
  });
});
