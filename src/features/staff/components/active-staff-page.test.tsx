import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { orgIds, personas } from '../../../../tests/msw/people';
import { serveProfiles } from '../../../../tests/msw/public-profile-handlers';
import { recordRequests } from '../../../../tests/msw/record';
import { eqValue, restUrl } from '../../../../tests/msw/rest';
import { server } from '../../../../tests/msw/server';
import { renderSignedIn } from '../../../../tests/render';

/** The table's rows as arrays of cell texts (header row first). */
function tableRows(): string[][] {
  const table = screen.getByRole('table', {
    name: 'Active staff members of Harborview Counseling Collective',
  });
  return within(table)
    .getAllByRole('row')
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? ''));
}

describe('Active Staff Members', () => {
  it('lists the organization’s active staff from the API, by last name', async () => {
    const requests = recordRequests('staff_members', 'GET');
    await renderSignedIn('admin', '/staff');
    await screen.findByRole('table');
    const rows = tableRows();
    expect(rows[0]).toEqual(['Name', 'Email', 'Roles', 'Default location', 'NPI']);
    expect(rows.slice(1).map((r) => r[0])).toEqual([
      'Marcus Bell',
      'Daniel Cho',
      'Jordan Ellis',
      'Sofia Marquez',
      'Maya Okafor',
      'Priya Raman',
      'Luis Romero',
      'Hannah Whitaker',
    ]);
    expect(rows).toContainEqual([
      'Priya Raman',
      'priya.raman@harborviewcounseling.com',
      'Therapist',
      'Back Bay Office',
      '1578932046',
    ]);
    // no default location, no NPI: said, not left blank
    expect(rows).toContainEqual([
      'Daniel Cho',
      'daniel.cho@harborviewcounseling.com',
      'Therapist',
      'None',
      '1285039467',
    ]);
    expect(rows).toContainEqual([
      'Maya Okafor',
      'maya.okafor@harborviewcounseling.com',
      'Org admin',
      'Back Bay Office',
      'None',
    ]);
    // every list it asks for is of the clinic's active staff (the database leaves out everyone else)
    const lists = requests.filter((r) => eqValue(r, 'user_id') === null);
    expect(lists.length).toBeGreaterThan(0);
    for (const list of lists)
      expect([eqValue(list, 'org_id'), eqValue(list, 'is_active')]).toEqual([orgIds.harborview, 'true']);
    expect(screen.getByRole('status')).toHaveTextContent('8 active staff members.');
  });

  it('filters by name as you type and says how many match', async () => {
    const { user } = await renderSignedIn('scheduler', '/staff');
    await screen.findByRole('table');
    const search = screen.getByRole('searchbox', { name: 'Search by name' });

    await user.type(search, 'MA');
    expect(
      tableRows()
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(['Marcus Bell', 'Sofia Marquez', 'Maya Okafor', 'Priya Raman']);
    expect(screen.getByRole('status')).toHaveTextContent('4 of 8 staff members match “MA”.');

    await user.type(search, 'n');
    expect(
      tableRows()
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(['Priya Raman']);

    await user.clear(search);
    await user.type(search, 'zzz');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('No active staff member matches “zzz”.');
  });

  it('links each name to the staff member’s Details page', async () => {
    serveProfiles();
    const { user } = await renderSignedIn('admin', '/staff');
    await screen.findByRole('table');
    await user.click(screen.getByRole('link', { name: 'Priya Raman' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Priya Raman' })).toBeInTheDocument();
    const tabs = screen.getByRole('navigation', { name: 'Staff member sections' });
    expect(within(tabs).getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page');
    expect(await screen.findByRole('heading', { level: 2, name: 'Overview' })).toBeInTheDocument();
    expect(screen.getByText('Back Bay Office (Boston, MA)')).toBeInTheDocument();

    await user.click(within(tabs).getByRole('link', { name: 'Public Profile' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Public Profile' })).toBeInTheDocument();
    expect(await screen.findByText('Application Status', {}, { timeout: 5_000 })).toBeInTheDocument();
    expect(within(tabs).getByRole('link', { name: 'Public Profile' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('shows the server’s error and lets you try again', async () => {
    let calls = 0;
    server.use(
      http.get(restUrl('staff_members'), ({ request }) => {
        // the current-staff query goes through; the list fails once
        if (new URL(request.url).searchParams.has('user_id')) return undefined;
        calls += 1;
        if (calls === 1) {
          return HttpResponse.json(
            {
              code: '57014',
              details: null,
              hint: null,
              message: 'canceling statement due to statement timeout',
            },
            { status: 500 },
          );
        }
        return undefined;
      }),
    );
    const { user } = await renderSignedIn('admin', '/staff');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The staff list could not be loaded.');
    expect(alert).toHaveTextContent('canceling statement due to statement timeout');

    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table')).toBeInTheDocument();
  });
});

describe('Staff Details', () => {
  it('shows a therapist their own record under My Profile', async () => {
    await renderSignedIn('therapist', `/staff/${personas.therapist.staffId}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Priya Raman' })).toBeInTheDocument();
    expect(screen.getByText('My Profile', { selector: '.eyebrow' })).toBeInTheDocument();
    // no staff list for therapists, so no breadcrumb back to it
    expect(screen.queryByRole('navigation', { name: 'Breadcrumb' })).not.toBeInTheDocument();
    // the update time is shown with its zone named
    expect(screen.getByText(/Sun, Mar 8, 2026, \d{1,2}:\d{2}\s[AP]M \S+/)).toBeInTheDocument();
  });

  it('has no Public Profile tab for staff who are not therapists', async () => {
    await renderSignedIn('admin', `/staff/${personas.scheduler.staffId}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Luis Romero' })).toBeInTheDocument();
    const tabs = screen.getByRole('navigation', { name: 'Staff member sections' });
    expect(
      within(tabs)
        .getAllByRole('link')
        .map((l) => l.textContent),
    ).toEqual(['Overview']);
  });

  it('says when there is no such staff member in the clinic', async () => {
    // Grace works at Cedar Ridge: Harborview has no staff member by her id
    await renderSignedIn('admin', `/staff/${personas.cedarAdmin.staffId}`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Staff member not found' }),
    ).toBeInTheDocument();
  });
});
