import { screen, waitFor, within } from '@testing-library/react';
import { delay, http } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { orgIds, staffId } from '../../../../tests/msw/people';
import { payerIds, serveProgram } from '../../../../tests/msw/referral-program-handlers';
import { eqValue, postgrestError, restUrl } from '../../../../tests/msw/rest';
import { server } from '../../../../tests/msw/server';
import { renderSignedIn } from '../../../../tests/render';

vi.setConfig({ testTimeout: 20_000 });

const route = '/organization/subscription/referral-program';
const tableName = 'Enrolled staff of Harborview Counseling Collective';

// jsdom lays nothing out: give the grid's scrolling region and its rows a size, so the virtualizer renders rows
beforeEach(() => {
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(600);
  vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(1000);
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(57);
});
afterEach(() => vi.restoreAllMocks());

let backend: ReturnType<typeof serveProgram>;
beforeEach(() => {
  backend = serveProgram();
});

const rpcCalls = () => backend.requests.filter((r) => r.path === 'rpc/enroll_staff');

async function openAddStaff() {
  const rendered = await renderSignedIn('admin', route);
  await screen.findByRole('table', { name: tableName }, { timeout: 5000 });
  const opener = screen.getByRole('button', { name: 'Add Staff' });
  await rendered.user.click(opener);
  const dialog = screen.getByRole('dialog', { name: 'Add Staff' });
  const staff = await within(dialog).findByRole('combobox', { name: 'Staff' });
  const payers = within(dialog).getByRole('group', { name: 'Payers that may refer clients' });
  return { ...rendered, opener, dialog, staff, payers };
}

describe('Add Staff', () => {
  it('offers the clinic’s active therapists who are not enrolled, and every payer', async () => {
    const { staff, payers } = await openAddStaff();
    expect(
      within(staff)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Select a therapist', 'Bell, Marcus', 'Cho, Daniel', 'Whitaker, Hannah']);
    expect(
      within(payers)
        .getAllByRole('checkbox')
        .map((box) => box.closest('label')?.textContent),
    ).toEqual([
      'Aetna',
      'Blue Cross Blue Shield of Massachusetts',
      'Cigna Healthcare',
      'Harvard Pilgrim Health Care',
      'UnitedHealthcare',
    ]);
    expect(staff).toHaveFocus();
    // the candidates are asked of this clinic (who is offered is the database's answer, proven in tests/api)
    const candidates = backend.requests.find((r) => r.path === 'staff_members')!;
    expect(eqValue(candidates.params, 'org_id')).toBe(orgIds.harborview);
  });

  it('names what is missing next to each field and sends nothing', async () => {
    const { user, dialog, staff, payers } = await openAddStaff();
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(staff).toHaveAccessibleDescription('Choose a staff member.');
    expect(staff).toHaveAttribute('aria-invalid', 'true');
    expect(payers).toHaveAccessibleDescription(expect.stringContaining('Choose at least one payer.'));
    expect(
      within(dialog)
        .getAllByRole('alert')
        .map((a) => a.textContent),
    ).toEqual(['Choose a staff member.', 'Choose at least one payer.']);
    // focus goes to the first field to fix
    expect(staff).toHaveFocus();

    await user.selectOptions(staff, 'Cho, Daniel');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(
      within(dialog)
        .getAllByRole('alert')
        .map((a) => a.textContent),
    ).toEqual(['Choose at least one payer.']);
    expect(within(payers).getByRole('checkbox', { name: 'Aetna' })).toHaveFocus();
    expect(rpcCalls()).toEqual([]);
  });

  it('enrols the therapist with the chosen payers, announces it, and the grid shows them', async () => {
    const { user, dialog, staff, payers, opener } = await openAddStaff();
    await user.selectOptions(staff, 'Cho, Daniel');
    await user.click(within(payers).getByRole('checkbox', { name: 'Cigna Healthcare' }));
    await user.click(within(payers).getByRole('checkbox', { name: 'Aetna' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(rpcCalls().map((r) => r.body)).toEqual([
      { staff_id: staffId('06'), payer_ids: [payerIds.aetna, payerIds.cigna] },
    ]);
    expect(screen.getByRole('status')).toHaveTextContent(
      'Daniel Cho was added to the program. We emailed them to complete their public profile.',
    );
    const table = screen.getByRole('table', { name: tableName });
    const daniel = within(table).getByRole('row', { name: /Cho, Daniel/ });
    expect(daniel).toHaveTextContent('Incomplete');
    expect(daniel).toHaveTextContent('AetnaCigna Healthcare');
    expect(screen.getByText('4 staff members in the program')).toBeInTheDocument();
    await waitFor(() => expect(opener).toHaveFocus());

    // Daniel is no longer offered
    await user.click(opener);
    const again = await within(screen.getByRole('dialog', { name: 'Add Staff' })).findByRole('combobox', {
      name: 'Staff',
    });
    await waitFor(() =>
      expect(
        within(again)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['Select a therapist', 'Bell, Marcus', 'Whitaker, Hannah']),
    );
  });

  it('keeps Save disabled while saving, and Escape does not close the dialog then', async () => {
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.use(
      http.post(restUrl('rpc/enroll_staff'), async () => {
        await released;
        return undefined;
      }),
    );
    const { user, dialog, staff, payers } = await openAddStaff();
    await user.selectOptions(staff, 'Bell, Marcus');
    await user.click(within(payers).getByRole('checkbox', { name: 'UnitedHealthcare' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    const saving = await within(dialog).findByRole('button', { name: 'Saving…' });
    expect(saving).toHaveAttribute('aria-disabled', 'true');
    await user.click(saving);
    await user.keyboard('{Escape}');
    expect(screen.getByRole('dialog', { name: 'Add Staff' })).toBeInTheDocument();

    release();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(rpcCalls()).toHaveLength(1);
    expect(screen.getByRole('status')).toHaveTextContent('Marcus Bell was added to the program.');
  });

  it('shows the database’s refusal in the dialog and keeps what was chosen', async () => {
    server.use(
      http.post(restUrl('rpc/enroll_staff'), () =>
        postgrestError(
          409,
          '23505',
          'Hannah Whitaker was already enrolled; a deactivated therapist can never be added again.',
          'already_enrolled',
        ),
      ),
    );
    const { user, dialog, staff, payers } = await openAddStaff();
    await user.selectOptions(staff, 'Whitaker, Hannah');
    await user.click(within(payers).getByRole('checkbox', { name: 'Aetna' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Hannah Whitaker was already enrolled; a deactivated therapist can never be added again.',
    );
    expect(staff).toHaveValue(staffId('07'));
    expect(within(payers).getByRole('checkbox', { name: 'Aetna' })).toBeChecked();
  });

  it('does not show the server’s internals for an unexpected failure', async () => {
    server.use(
      http.post(restUrl('rpc/enroll_staff'), async () => {
        await delay(10);
        return postgrestError(500, 'XX000', 'internal error in function enroll_staff line 12');
      }),
    );
    const { user, dialog, staff, payers } = await openAddStaff();
    await user.selectOptions(staff, 'Cho, Daniel');
    await user.click(within(payers).getByRole('checkbox', { name: 'Aetna' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('The change could not be saved. Check your connection and try again.');
    expect(alert).not.toHaveTextContent('internal error');
  });

  it('closes with Escape or Cancel, and focus goes back to Add Staff', async () => {
    const { user, dialog, opener } = await openAddStaff();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() => expect(opener).toHaveFocus());

    await user.keyboard('{Enter}');
    const reopened = screen.getByRole('dialog', { name: 'Add Staff' });
    expect(reopened).not.toBe(dialog);
    await user.click(await within(reopened).findByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() => expect(opener).toHaveFocus());
    expect(rpcCalls()).toEqual([]);
  });
});
