import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { orgIds, staffId } from '../../../../tests/msw/people';
import {
  enrollmentId,
  payerIds,
  serveProgram,
  type Enrollment,
  type GridAnswer,
} from '../../../../tests/msw/referral-program-handlers';
import { eqValue, postgrestError, restUrl } from '../../../../tests/msw/rest';
import { server } from '../../../../tests/msw/server';
import { renderSignedIn } from '../../../../tests/render';
import { gridPageSize } from '../lib/grid-query';
import { referralProgramKeys } from '../keys';
import { estimatedRowHeight } from './program-grid';

// the whole app renders, its lazy pages load, and every change waits for the grid to refresh
vi.setConfig({ testTimeout: 20_000 });

const route = '/organization/subscription/referral-program';
const tableName = 'Enrolled staff of Harborview Counseling Collective';

// jsdom lays nothing out: give the grid's scrolling region and its rows a size, so the virtualizer
// renders rows (each as tall as the grid estimates a row with one payer)
const rowHeight = estimatedRowHeight(1);
beforeEach(() => {
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(600);
  vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(1000);
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(rowHeight);
});
afterEach(() => vi.restoreAllMocks());

let backend: ReturnType<typeof serveProgram>;
beforeEach(() => {
  backend = serveProgram();
});

/** Enrolls `count` more therapists (with Aetna), named "Test Zz<number>" from `from` on: after the seeded ones by name. */
function enrollTestStaff(from: number, count: number): string[] {
  const names: string[] = [];
  for (let i = from; i < from + count; i += 1) {
    const suffix = String(i).padStart(12, '0');
    backend.state.enrollments.push({
      id: `e0e00001-0000-4000-8000-${suffix}`,
      staffId: `57af0001-0000-4000-8000-${suffix}`,
      firstName: 'Test',
      lastName: `Zz${suffix}`,
      status: 'active',
      payerIds: [payerIds.aetna],
      submitted: false,
    });
    names.push(`Zz${suffix}, Test`);
  }
  return names;
}

/** The enrollments of the demo seed with these last names, in this order. */
const byLastName = (enrollments: Enrollment[], ...lastNames: string[]) =>
  lastNames.map((name) => enrollments.find((e) => e.lastName === name)!);

async function openGrid(persona: 'admin' | 'cedarAdmin' = 'admin') {
  const rendered = await renderSignedIn(persona, route);
  const table = await screen.findByRole('table', { name: tableName }, { timeout: 5000 });
  return { ...rendered, table };
}

/** The grid's body rows as arrays of cell texts. */
function bodyRows(): string[][] {
  const table = screen.getByRole('table', { name: tableName });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? ''));
}

const staffColumn = () => bodyRows().map((row) => row[0]);
const gridRequests = () => backend.gridRequests();
const lastGridRequest = () => gridRequests().at(-1)!;
const writes = () => backend.writes();

describe('the program grid', () => {
  it('lists the enrolled staff from the server, sorted by last name, with a count', async () => {
    const { table } = await openGrid();
    expect(
      within(table)
        .getAllByRole('columnheader')
        // each header's name and sort mark (a filter follows it in the same header)
        .map((h) => h.firstElementChild?.textContent),
    ).toEqual(['Staff▲', 'Application Status↕', 'Payers', 'Status↕', 'Actions']);
    expect(bodyRows()).toEqual([
      [
        'Ellis, Jordan',
        'Incomplete',
        'Cigna HealthcareUnitedHealthcare',
        'Active',
        'Edit payers for Jordan EllisDelete Jordan EllisDeactivate Jordan Ellis',
      ],
      [
        'Marquez, Sofia',
        'Incomplete',
        'Aetna',
        'Active',
        'Edit payers for Sofia MarquezDelete Sofia MarquezDeactivate Sofia Marquez',
      ],
      [
        'Raman, Priya',
        'Completed',
        'AetnaBlue Cross Blue Shield of MassachusettsHarvard Pilgrim Health Care',
        'Active',
        'Edit payers for Priya RamanDeactivate Priya Raman',
      ],
    ]);
    expect(screen.getByText('3 staff members in the program')).toBeInTheDocument();
    // virtualized: the table says how many rows there are and where each one is
    expect(table).toHaveAttribute('aria-rowcount', '4');
    expect(
      within(table)
        .getAllByRole('row')
        .map((r) => r.getAttribute('aria-rowindex')),
    ).toEqual(['1', '2', '3', '4']);
    expect(within(table).getByRole('columnheader', { name: /Staff/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    // each name leads to the therapist's public profile, which admins may fill in
    expect(within(table).getByRole('link', { name: 'Raman, Priya' })).toHaveAttribute(
      'href',
      `/staff/${staffId('03')}/public-profile`,
    );

    // one call of program_grid_page: no filters, sorted by staff, the first page
    expect(gridRequests()).toEqual([
      {
        org: '0a9e0000-0000-4000-8000-000000000001',
        name_words: [],
        sort_column: 'staff',
        descending: false,
        page_offset: 0,
        page_size: gridPageSize,
      },
    ]);
  });

  it('offers Delete only while the application is Incomplete, and nothing for a deactivated therapist', async () => {
    backend.state.enrollments.find((e) => e.id === enrollmentId('05'))!.status = 'deactivated';
    const { table } = await openGrid();
    const priya = within(table).getByRole('row', { name: /Raman, Priya/ });
    expect(within(priya).getByRole('button', { name: 'Edit payers for Priya Raman' })).toBeInTheDocument();
    expect(within(priya).getByRole('button', { name: 'Deactivate Priya Raman' })).toBeInTheDocument();
    expect(within(priya).queryByRole('button', { name: /Delete/ })).not.toBeInTheDocument();

    const jordan = within(table).getByRole('row', { name: /Ellis, Jordan/ });
    expect(within(jordan).getByRole('button', { name: 'Delete Jordan Ellis' })).toBeInTheDocument();

    const sofia = within(table).getByRole('row', { name: /Marquez, Sofia/ });
    expect(within(sofia).getByText('Deactivated')).toBeInTheDocument();
    expect(within(sofia).queryByRole('button')).not.toBeInTheDocument();
  });

  it('sends each column filter to the server as an argument of program_grid_page', async () => {
    // the database's answers to the filters this test sets (its filtering is proven in tests/api)
    const filtered: GridAnswer = (args, all) => {
      if (args.name_words?.join(' ') === 'jor ell') return byLastName(all, 'Ellis');
      if (args.name_words?.length) return [];
      if (args.only_application_status === 'completed') return byLastName(all, 'Raman');
      if (args.with_payer === payerIds.aetna) return byLastName(all, 'Marquez', 'Raman');
      return all;
    };
    backend = serveProgram({ grid: filtered });
    const { user } = await openGrid();
    const filters = screen.getByRole('search', { name: 'Filter enrolled staff' });

    await user.type(within(filters).getByRole('searchbox', { name: 'Staff' }), 'jor ell');
    await waitFor(() => expect(staffColumn()).toEqual(['Ellis, Jordan']));
    // one request after typing pauses, not one per key; every word must appear in the name
    expect(gridRequests().filter((body) => (body.name_words ?? []).length > 0)).toHaveLength(1);
    expect(lastGridRequest().name_words).toEqual(['jor', 'ell']);
    expect(screen.getByText('1 staff member matches these filters')).toBeInTheDocument();

    await user.click(within(filters).getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(staffColumn()).toHaveLength(3));
    expect(within(filters).getByRole('searchbox', { name: 'Staff' })).toHaveFocus();

    await user.selectOptions(
      within(filters).getByRole('combobox', { name: 'Application Status' }),
      'Completed',
    );
    await waitFor(() => expect(staffColumn()).toEqual(['Raman, Priya']));
    expect(lastGridRequest()).toMatchObject({ name_words: [], only_application_status: 'completed' });
    expect(gridRequests().filter((body) => body.only_application_status === 'completed')).toHaveLength(1);

    await user.selectOptions(within(filters).getByRole('combobox', { name: 'Application Status' }), 'All');
    await user.selectOptions(within(filters).getByRole('combobox', { name: 'Payer' }), 'Aetna');
    await waitFor(() => expect(staffColumn()).toEqual(['Marquez, Sofia', 'Raman, Priya']));
    expect(lastGridRequest().with_payer).toBe(payerIds.aetna);
    expect(lastGridRequest()).not.toHaveProperty('only_application_status');

    await user.selectOptions(
      within(filters).getByRole('combobox', { name: 'Application Status' }),
      'Incomplete',
    );
    await user.selectOptions(within(filters).getByRole('combobox', { name: 'Payer' }), 'UnitedHealthcare');
    await user.type(within(filters).getByRole('searchbox', { name: 'Staff' }), 'sofia');
    expect(await screen.findByText('No enrolled staff match these filters.')).toBeInTheDocument();
    // the table stays, with its header's filters, and says why it has no rows
    expect(bodyRows()).toEqual([['No enrolled staff match these filters.']]);
    expect(screen.getByText('0 staff members match these filters')).toBeInTheDocument();
  });

  it('sorts on the server by Staff, Application Status and Status, and says how', async () => {
    // the database's answers to the sorts this test asks for (its sorting is proven in tests/api)
    const sorted: GridAnswer = (args, all) => {
      if (args.sort_column === 'applicationStatus')
        return args.descending
          ? byLastName(all, 'Ellis', 'Marquez', 'Raman')
          : byLastName(all, 'Raman', 'Ellis', 'Marquez');
      return args.descending ? [...all].reverse() : all;
    };
    backend = serveProgram({ grid: sorted });
    const { user, table } = await openGrid();
    const applicationHeader = within(table).getByRole('columnheader', { name: /Application Status/ });
    await user.click(within(applicationHeader).getByRole('button', { name: /Application Status/ }));
    await waitFor(() =>
      expect(lastGridRequest()).toMatchObject({ sort_column: 'applicationStatus', descending: false }),
    );
    await waitFor(() => expect(staffColumn()).toEqual(['Raman, Priya', 'Ellis, Jordan', 'Marquez, Sofia']));
    expect(applicationHeader).toHaveAttribute('aria-sort', 'ascending');
    expect(within(table).getByRole('columnheader', { name: /Staff/ })).not.toHaveAttribute('aria-sort');
    // asked for once (the click starts the request; the grid's query takes it up)
    expect(gridRequests()).toHaveLength(2);

    await user.click(within(applicationHeader).getByRole('button'));
    await waitFor(() => expect(staffColumn()).toEqual(['Ellis, Jordan', 'Marquez, Sofia', 'Raman, Priya']));
    expect(lastGridRequest()).toMatchObject({ sort_column: 'applicationStatus', descending: true });
    expect(applicationHeader).toHaveAttribute('aria-sort', 'descending');

    // back to the first sort: answered from the cache
    await user.click(within(table).getByRole('button', { name: /^Staff/ }));
    await waitFor(() => expect(staffColumn()).toEqual(['Ellis, Jordan', 'Marquez, Sofia', 'Raman, Priya']));
    expect(within(table).getByRole('columnheader', { name: /Staff/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    expect(gridRequests()).toHaveLength(3);
    await user.click(within(table).getByRole('button', { name: /^Staff/ }));
    await waitFor(() => expect(staffColumn()).toEqual(['Raman, Priya', 'Marquez, Sofia', 'Ellis, Jordan']));
    expect(lastGridRequest()).toMatchObject({ sort_column: 'staff', descending: true });

    await user.click(within(table).getByRole('button', { name: /^Status/ }));
    await waitFor(() =>
      expect(lastGridRequest()).toMatchObject({ sort_column: 'status', descending: false }),
    );
  });

  it('loads the next page as the view nears the end; the first page counts every match', async () => {
    // a page and 30 more enrolled therapists (with the 3 seeded): two pages of program_grid_page
    const extra = gridPageSize + 30;
    const total = extra + 3;
    enrollTestStaff(0, extra);
    const { table } = await openGrid();
    expect(screen.getByText(`${total} staff members in the program`)).toBeInTheDocument();
    expect(table).toHaveAttribute('aria-rowcount', String(total + 1));
    expect(gridRequests().map((body) => body.page_offset)).toEqual([0]);

    // scroll to the end of the first page: the next one is asked for, from where the first ended
    const region = screen.getByRole('region', { name: tableName });
    Object.defineProperty(region, 'scrollTop', { configurable: true, value: gridPageSize * rowHeight - 600 });
    fireEvent.scroll(region);
    await waitFor(() => expect(gridRequests().map((body) => body.page_offset)).toEqual([0, gridPageSize]));
    expect(lastGridRequest()).toMatchObject({
      page_size: gridPageSize,
      sort_column: 'staff',
      descending: false,
    });

    Object.defineProperty(region, 'scrollTop', { configurable: true, value: total * rowHeight - 600 });
    fireEvent.scroll(region);
    const last = `Zz${String(extra - 1).padStart(12, '0')}, Test`;
    expect(await within(table).findByRole('link', { name: last })).toBeInTheDocument();
    // the last page was short: nothing more to ask for, and the count stays the first page's
    expect(gridRequests()).toHaveLength(2);
    expect(screen.getByText(`${total} staff members in the program`)).toBeInTheDocument();
  });

  it('asks for the next page when a refetch finds more rows while the last ones are in view', async () => {
    // exactly one page: nothing more to ask for, even with its last rows in view
    const [lastOfPage] = enrollTestStaff(0, gridPageSize - 3).slice(-1);
    const { table, queryClient } = await openGrid();
    expect(screen.getByText(`${gridPageSize} staff members in the program`)).toBeInTheDocument();
    const region = screen.getByRole('region', { name: tableName });
    Object.defineProperty(region, 'scrollTop', { configurable: true, value: gridPageSize * rowHeight - 600 });
    fireEvent.scroll(region);
    expect(await within(table).findByRole('link', { name: lastOfPage })).toBeInTheDocument();
    expect(gridRequests().map((body) => body.page_offset)).toEqual([0]);

    // one more is enrolled and the grid refetched (as after Add Staff): the first page is full again
    // and there is more, though the rows drawn stay the same, so the grid itself says nothing
    const [added] = enrollTestStaff(gridPageSize, 1);
    await queryClient.invalidateQueries({ queryKey: referralProgramKeys.grids(orgIds.harborview) });
    await waitFor(() => expect(gridRequests().map((body) => body.page_offset)).toEqual([0, 0, gridPageSize]));
    expect(await within(table).findByRole('link', { name: added })).toBeInTheDocument();
    expect(screen.getByText(`${gridPageSize + 1} staff members in the program`)).toBeInTheDocument();
  });

  it('says when no therapist is enrolled yet', async () => {
    backend.state.enrollments = [];
    await renderSignedIn('admin', route);
    expect(
      await screen.findByText('No therapists enrolled yet — use Add Staff.', {}, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(screen.getByText('0 staff members in the program')).toBeInTheDocument();
  });

  it('shows a failed load with the server’s reason and lets you try again', async () => {
    let calls = 0;
    server.use(
      http.post(restUrl('rpc/program_grid_page'), () => {
        calls += 1;
        if (calls > 1) return undefined;
        return postgrestError(500, '57014', 'canceling statement due to statement timeout');
      }),
    );
    const { user } = await renderSignedIn('admin', route);
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(alert).toHaveTextContent('The enrolled staff could not be loaded.');
    expect(alert).toHaveTextContent('canceling statement due to statement timeout');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table', { name: tableName })).toBeInTheDocument();
  });

  it('tells an admin of a clinic without the program that it is not available yet', async () => {
    await renderSignedIn('cedarAdmin', route);
    expect(
      await screen.findByText(
        'The Client Referral Program is not available to your clinic yet.',
        {},
        { timeout: 5000 },
      ),
    ).toBeInTheDocument();
    // what the program is and how it is turned on, not a dead end
    expect(screen.getByRole('heading', { level: 4, name: 'What the program does' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 4, name: 'How it is turned on' })).toBeInTheDocument();
    expect(screen.getByText(/turns it on for Cedar Ridge Family Therapy/)).toBeInTheDocument();
    expect(gridRequests()).toHaveLength(0);
  });
});

describe('Edit payers', () => {
  it('starts from the current payers, requires at least one, and saves the new list', async () => {
    const { user, table } = await openGrid();
    const opener = within(table).getByRole('button', { name: 'Edit payers for Jordan Ellis' });
    await user.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Edit payers for Jordan Ellis' });
    const group = within(dialog).getByRole('group', { name: 'Payers that may refer clients' });
    const checked = () =>
      within(group)
        .getAllByRole('checkbox')
        .filter((box) => (box as HTMLInputElement).checked)
        .map((box) => box.closest('label')?.textContent);
    await waitFor(() => expect(checked()).toEqual(['Cigna Healthcare', 'UnitedHealthcare']));

    await user.click(within(group).getByRole('checkbox', { name: 'Cigna Healthcare' }));
    await user.click(within(group).getByRole('checkbox', { name: 'UnitedHealthcare' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(within(group).getByRole('alert')).toHaveTextContent('Choose at least one payer.');
    expect(group).toHaveAccessibleDescription(expect.stringContaining('Choose at least one payer.'));
    expect(writes()).toEqual([]);

    await user.click(within(group).getByRole('checkbox', { name: 'Aetna' }));
    await user.click(within(group).getByRole('checkbox', { name: 'Harvard Pilgrim Health Care' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(writes()).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: 'rpc/set_enrollment_payers',
        body: { enrollment_id: enrollmentId('04'), payer_ids: [payerIds.aetna, payerIds.harvardPilgrim] },
      }),
    ]);
    expect(screen.getByRole('status')).toHaveTextContent('The payers of Jordan Ellis were updated.');
    expect(bodyRows()[0]?.[2]).toBe('AetnaHarvard Pilgrim Health Care');
    await waitFor(() =>
      expect(within(table).getByRole('button', { name: 'Edit payers for Jordan Ellis' })).toHaveFocus(),
    );
  });

  it('closes with Escape without saving, and focus goes back to the row’s button', async () => {
    const { user, table } = await openGrid();
    await user.click(within(table).getByRole('button', { name: 'Edit payers for Priya Raman' }));
    expect(screen.getByRole('dialog', { name: 'Edit payers for Priya Raman' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() =>
      expect(within(table).getByRole('button', { name: 'Edit payers for Priya Raman' })).toHaveFocus(),
    );
    expect(writes()).toEqual([]);
  });

  it('shows the database’s refusal in the dialog', async () => {
    const { user, table } = await openGrid();
    await user.click(within(table).getByRole('button', { name: 'Edit payers for Sofia Marquez' }));
    // meanwhile, someone else deactivated Sofia: the database refuses
    server.use(
      http.post(restUrl('rpc/set_enrollment_payers'), () =>
        postgrestError(
          400,
          'P0001',
          'The payers of a deactivated therapist cannot change.',
          'enrollment_deactivated',
        ),
      ),
    );
    const dialog = screen.getByRole('dialog', { name: 'Edit payers for Sofia Marquez' });
    await user.click(await within(dialog).findByRole('checkbox', { name: 'Cigna Healthcare' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(
      await within(dialog).findByText('The payers of a deactivated therapist cannot change.'),
    ).toHaveAttribute('role', 'alert');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });
});

describe('Deactivate', () => {
  it('says plainly that it is permanent, and Cancel changes nothing', async () => {
    const { user, table } = await openGrid();
    const opener = within(table).getByRole('button', { name: 'Deactivate Jordan Ellis' });
    await user.click(opener);
    const dialog = screen.getByRole('alertdialog', { name: 'Deactivate Jordan Ellis?' });
    expect(dialog).toHaveTextContent(
      'Deactivation is permanent. Jordan Ellis can never be reactivated or added to the Client Referral Program again.',
    );
    expect(dialog).toHaveTextContent('They disappear from payer directories immediately');
    expect(dialog).toHaveTextContent(
      'Their pending appointment requests stay in Unconfirmed Appointments for your staff to confirm or decline.',
    );
    // the safe choice has the focus
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    await waitFor(() => expect(opener).toHaveFocus());
    expect(writes()).toEqual([]);
  });

  it('deactivates: the row shows Deactivated and offers no more actions', async () => {
    const { user, table } = await openGrid();
    await user.click(within(table).getByRole('button', { name: 'Deactivate Jordan Ellis' }));
    await user.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Deactivate permanently' }),
    );

    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(writes()).toEqual([
      expect.objectContaining({
        method: 'PATCH',
        path: 'program_enrollments',
        body: { status: 'deactivated' },
      }),
    ]);
    expect(eqValue(writes()[0]!.params, 'id')).toBe(enrollmentId('04'));
    expect(screen.getByRole('status')).toHaveTextContent(
      'Jordan Ellis was deactivated. They no longer appear in payer directories.',
    );
    const jordan = within(table).getByRole('row', { name: /Ellis, Jordan/ });
    expect(within(jordan).getByText('Deactivated')).toBeInTheDocument();
    expect(within(jordan).queryByRole('button')).not.toBeInTheDocument();
    // the button that opened the dialog is gone: focus lands on the grid
    await waitFor(() => expect(screen.getByRole('region', { name: tableName })).toHaveFocus());
  });
});

describe('Delete', () => {
  it('asks first, then removes an Incomplete enrollment', async () => {
    const { user, table } = await openGrid();
    await user.click(within(table).getByRole('button', { name: 'Delete Sofia Marquez' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete Sofia Marquez from the program?' });
    expect(dialog).toHaveTextContent('You can add Sofia Marquez to the program again later.');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    await waitFor(() => expect(staffColumn()).toEqual(['Ellis, Jordan', 'Raman, Priya']));
    expect(writes()).toEqual([expect.objectContaining({ method: 'DELETE', path: 'program_enrollments' })]);
    expect(eqValue(writes()[0]!.params, 'id')).toBe(enrollmentId('05'));
    expect(screen.getByRole('status')).toHaveTextContent('Sofia Marquez was deleted from the program.');
  });

  it('shows the database’s refusal when the profile was submitted meanwhile', async () => {
    const { user, table } = await openGrid();
    await user.click(within(table).getByRole('button', { name: 'Delete Jordan Ellis' }));
    // meanwhile, Jordan submitted the profile: the database refuses
    backend.state.enrollments.find((e) => e.id === enrollmentId('04'))!.submitted = true;
    server.use(
      http.delete(restUrl('program_enrollments'), () =>
        postgrestError(
          400,
          'P0001',
          'Only enrollments whose application is Incomplete can be deleted; deactivate this one instead.',
          'application_completed',
        ),
      ),
    );
    const dialog = screen.getByRole('alertdialog', { name: 'Delete Jordan Ellis from the program?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Only enrollments whose application is Incomplete can be deleted; deactivate this one instead.',
    );
    // the grid was asked again: Jordan is Completed now, and no longer offers Delete
    await waitFor(() =>
      expect(within(table).queryByRole('button', { name: 'Delete Jordan Ellis' })).not.toBeInTheDocument(),
    );
  });
});
