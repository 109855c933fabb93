import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { supabase } from '@/lib/supabase';
import { demoPassword, orgIds, people, type PersonName } from '../../../../tests/msw/people';
import { priyaProfile, serveProfiles } from '../../../../tests/msw/public-profile-handlers';
import { restUrl } from '../../../../tests/msw/rest';
import { server } from '../../../../tests/msw/server';
import { renderApp } from '../../../../tests/render';

const staff = Object.fromEntries(
  Object.entries(people).map(([name, p]) => [name, { email: p.email, id: p.staffId }]),
) as Record<PersonName, { email: string; id: string }>;
type Person = PersonName;

let backend: ReturnType<typeof serveProfiles>;
beforeEach(() => {
  backend = serveProfiles();
});

const about =
  'I work with adults navigating anxiety, life transitions and relationship stress. Sessions are collaborative and ' +
  'focused on practical skills, with room to understand the patterns that keep you stuck.';

/** Signs in as `who` and opens `whose` Public Profile tab, waiting until it has loaded. */
async function openProfile(who: Person, whose: Person) {
  const { error } = await supabase.auth.signInWithPassword({
    email: staff[who].email,
    password: demoPassword,
  });
  if (error) throw error;
  const rendered = renderApp({ route: `/staff/${staff[whose].id}/public-profile` });
  // the tab is a lazily loaded chunk: give a loaded machine time to compile it
  await screen.findByText('Application Status', {}, { timeout: 10_000 });
  return rendered;
}

/** Form journeys type and click a lot; on a busy machine they need more than the default 5 s. */
const slow = { timeout: 30_000 };
/** How long to wait for the app to answer (the default 1 s is short on a busy machine). */
const patience = { timeout: 5_000 };

const form = () => screen.getByRole('form', { name: 'Public profile' });
const textbox = (name: string) => within(form()).getByRole('textbox', { name });
const group = (name: string) => within(form()).getByRole('group', { name: new RegExp(`^${name}`) });
const statusRegion = () => within(form()).getAllByRole('status').at(-1)!;

describe('Public Profile: the therapist fills in their own profile', slow, () => {
  it('Submit with required fields empty: every one named in an alert and next to its field, focus on the first, nothing sent', async () => {
    const { user } = await openProfile('sofia', 'sofia');
    await user.click(screen.getByRole('button', { name: 'Submit Profile' }));

    const alert = await screen.findByRole('alert', {}, patience);
    expect(alert).toHaveTextContent('The profile was not submitted. Fix these 10 fields:');
    expect(
      within(alert)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual([
      'Professional title is required to submit.',
      'License type is required to submit.',
      'License state is required to submit.',
      'License number is required to submit.',
      'About me needs at least 150 characters to submit.',
      'Choose at least one specialty.',
      'Choose at least one treatment approach.',
      'Choose at least one age group.',
      'Choose at least one session format.',
      'Choose at least one language.',
    ]);

    const title = textbox('Professional title / credentials');
    await waitFor(() => expect(title).toHaveFocus(), patience);
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveAccessibleDescription(/Professional title is required to submit\./);
    expect(within(form()).getByRole('combobox', { name: 'License type' })).toHaveAccessibleDescription(
      'License type is required to submit.',
    );
    expect(textbox('About me')).toHaveAccessibleDescription(
      /About me needs at least 150 characters to submit\./,
    );
    expect(group('Languages')).toHaveAccessibleDescription(
      'Choose at least one. Choose at least one language.',
    );
    expect(backend.writes).toEqual([]);

    // the summary's links take you to the field
    await user.click(within(alert).getByRole('link', { name: 'Choose at least one language.' }));
    expect(within(group('Languages')).getByRole('checkbox', { name: 'English' })).toHaveFocus();
  });

  it('marks required fields: a red asterisk, aria-required on controls, "required" in the legends of the lists', async () => {
    await openProfile('sofia', 'sofia');
    for (const name of ['Professional title / credentials', 'License number', 'About me']) {
      expect(textbox(name)).toHaveAttribute('aria-required', 'true');
    }
    expect(within(form()).getByRole('combobox', { name: 'License type' })).toHaveAttribute(
      'aria-required',
      'true',
    );
    expect(within(form()).getByRole('combobox', { name: 'License state' })).toHaveAttribute(
      'aria-required',
      'true',
    );
    for (const name of [
      'Specialties',
      'Treatment approaches',
      'Ages served',
      'Session formats',
      'Languages',
    ]) {
      expect(group(name)).toHaveAccessibleName(`${name} (required)`);
    }
    expect(textbox('Education')).not.toHaveAttribute('aria-required');
    expect(textbox('Pronouns')).not.toHaveAttribute('aria-required');
    // the red asterisk is for the eye only: the controls say "required" themselves
    const marks = [...form().querySelectorAll('[aria-hidden="true"]')].filter((el) => el.textContent === '*');
    expect(marks.length).toBeGreaterThanOrEqual(10);
  });

  it('Save keeps a draft with whatever is filled in: the first save creates the profile', async () => {
    const { user } = await openProfile('sofia', 'sofia');
    await user.type(textbox('Professional title / credentials'), 'LMFT');
    await user.click(within(group('Languages')).getByRole('checkbox', { name: 'Spanish' }));
    await user.click(within(group('Languages')).getByRole('checkbox', { name: 'English' }));
    await user.type(textbox('Pronouns'), 'she/her');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));

    await waitFor(() => expect(statusRegion()).toHaveTextContent('Draft saved.'), patience);
    expect(backend.writes).toHaveLength(1);
    expect(backend.writes[0]).toMatchObject({
      kind: 'insert',
      body: {
        staff_id: staff.sofia.id,
        org_id: orgIds.harborview,
        professional_title: 'LMFT',
        license_type: null,
        about_me: null,
        // in vocabulary order, whatever the order of clicks
        languages: ['en', 'es'],
        specialties: [],
        pronouns: 'she/her',
      },
    });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    // saved, not submitted: still a draft
    expect(screen.getByText('Incomplete')).toBeInTheDocument();

    // the next save updates the row
    await user.type(textbox('Education'), 'MA, Lesley University');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(backend.writes).toHaveLength(2), patience);
    expect(backend.writes[1]).toMatchObject({
      kind: 'update',
      staffId: staff.sofia.id,
      body: { education: 'MA, Lesley University' },
    });
  });

  it('Save refuses invalid values with the field’s message and sends nothing', async () => {
    const { user } = await openProfile('sofia', 'sofia');
    await user.type(textbox('Website'), 'harborview.com');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(await screen.findByRole('alert', {}, patience)).toHaveTextContent(
      'The profile was not saved. Fix this field:',
    );
    expect(textbox('Website')).toHaveAccessibleDescription(/Website must be a full https:\/\/ address\./);
    await waitFor(() => expect(textbox('Website')).toHaveFocus(), patience);
    expect(backend.writes).toEqual([]);
  });

  it('fills every required field and submits: saved first, then submitted, Application Status Completed', async () => {
    const { user } = await openProfile('sofia', 'sofia');
    expect(screen.getByText('Incomplete')).toBeInTheDocument();
    await user.type(textbox('Professional title / credentials'), 'LMHC');
    await user.selectOptions(within(form()).getByRole('combobox', { name: 'License type' }), 'lmhc');
    await user.selectOptions(within(form()).getByRole('combobox', { name: 'License state' }), 'CO');
    await user.type(textbox('License number'), 'MH-20931');
    await user.click(textbox('About me'));
    await user.paste(about);
    expect(screen.getByText(`${about.length} of 2,000 characters`)).toBeInTheDocument();
    await user.click(within(group('Specialties')).getByRole('checkbox', { name: 'Anxiety' }));
    await user.click(
      within(group('Treatment approaches')).getByRole('checkbox', {
        name: 'Cognitive behavioral therapy (CBT)',
      }),
    );
    await user.click(within(group('Ages served')).getByRole('checkbox', { name: 'Adults (26–64)' }));
    await user.click(within(group('Session formats')).getByRole('checkbox', { name: 'Telehealth' }));
    await user.click(within(group('Languages')).getByRole('checkbox', { name: 'English' }));
    expect(screen.getByText('Completeness: all 10 required fields are filled in.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Submit Profile' }));
    await waitFor(
      () => expect(statusRegion()).toHaveTextContent('Profile submitted. Application Status: Completed.'),
      patience,
    );
    expect(statusRegion()).toHaveFocus();
    expect(backend.writes.map((w) => w.kind)).toEqual(['insert', 'submit']);
    expect(backend.writes[1]!.body).toEqual({ staff_id: staff.sofia.id });
    expect(await screen.findByText('Completed', {}, patience)).toBeInTheDocument();
    // submitted: Submit Profile is gone, saving goes on
    expect(screen.queryByRole('button', { name: 'Submit Profile' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save changes' })).toBeInTheDocument();
  });

  it('when the database refuses the submission after saving, says the draft was kept and why', async () => {
    server.use(
      http.post(restUrl('rpc/submit_public_profile'), () =>
        HttpResponse.json(
          {
            code: '23514',
            details: null,
            hint: 'missing_fields',
            message: 'Complete these fields before submitting: License number.',
          },
          { status: 400 },
        ),
      ),
    );
    backend.profiles.sofia!.profile = {
      ...priyaProfile,
      submitted_at: null,
      pronouns: null,
      first_session_note: null,
    };
    const { user } = await openProfile('sofia', 'sofia');
    await user.click(screen.getByRole('button', { name: 'Submit Profile' }));
    const alert = await screen.findByRole('alert', {}, patience);
    expect(alert).toHaveTextContent('Your changes were saved, but the profile was not submitted.');
    expect(alert).toHaveTextContent('Complete these fields before submitting: License number.');
    expect(backend.writes.map((w) => w.kind)).toEqual(['update']);
  });
});

describe('Public Profile: an org admin', slow, () => {
  it('edits shared fields; the therapist-only ones are shown read-only and never sent', async () => {
    const { user } = await openProfile('maya', 'jordan');
    for (const name of ['Pronouns', 'Gender identity', 'What to expect in a first session']) {
      expect(within(form()).queryByRole('textbox', { name })).not.toBeInTheDocument();
    }
    const personal = screen.getByRole('region', { name: 'Personal details' });
    expect(personal).toHaveAccessibleDescription(
      'Read-only: only Jordan can edit pronouns, gender identity and “What to expect in a first session”.',
    );
    expect(within(personal).getByText('Pronouns')).toBeInTheDocument();

    const years = textbox('Years in practice');
    await user.clear(years);
    await user.type(years, '9');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(statusRegion()).toHaveTextContent('Draft saved.'), patience);

    expect(backend.writes).toHaveLength(1);
    const { kind, body } = backend.writes[0]!;
    expect(kind).toBe('update');
    expect(body).toMatchObject({
      years_in_practice: 9,
      professional_title: 'LCSW',
      specialties: ['trauma_ptsd', 'grief_loss'],
    });
    for (const key of ['pronouns', 'gender_identity', 'first_session_note'])
      expect(body).not.toHaveProperty(key);
  });

  it('sees what is still missing, live as fields are filled in', async () => {
    const { user } = await openProfile('maya', 'jordan');
    const missing = () =>
      within(screen.getByRole('list', { name: 'Still missing' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent);
    expect(screen.getByText('Completeness: 5 of 10 required fields filled in.')).toBeInTheDocument();
    expect(missing()).toEqual([
      'License number',
      'About me (at least 150 characters)',
      'Treatment approaches',
      'Ages served',
      'Session formats',
    ]);
    await user.click(within(group('Session formats')).getByRole('checkbox', { name: 'In person' }));
    expect(missing()).toEqual([
      'License number',
      'About me (at least 150 characters)',
      'Treatment approaches',
      'Ages served',
    ]);
  });

  it('has no Submit Profile for a therapist who is not enrolled, and says why', async () => {
    await openProfile('maya', 'marcus');
    expect(screen.getByText('Not enrolled')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Submit Profile' })).not.toBeInTheDocument();
    expect(
      screen.getByText(
        'Submit Profile is available once an admin adds this therapist to the Client Referral Program.',
      ),
    ).toBeInTheDocument();
    // saving a draft is still possible
    expect(screen.getByRole('button', { name: 'Save draft' })).toBeInTheDocument();
  });

  it('has no Submit Profile after the enrollment was deactivated', async () => {
    backend.profiles.marcus = { enrollment_status: 'deactivated', profile: null };
    await openProfile('maya', 'marcus');
    expect(screen.queryByRole('button', { name: 'Submit Profile' })).not.toBeInTheDocument();
    expect(
      screen.getByText(
        'Submit Profile is not available: this therapist’s enrollment in the Client Referral Program was deactivated.',
      ),
    ).toBeInTheDocument();
  });

  it('cannot blank a required field of a submitted profile: refused before anything is sent', async () => {
    const { user } = await openProfile('maya', 'priya');
    expect(screen.getByText('Completed')).toBeInTheDocument();
    await user.clear(textbox('Professional title / credentials'));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('alert', {}, patience)).toHaveTextContent(
      'Professional title is required to submit.',
    );
    expect(backend.writes).toEqual([]);
  });
});

describe('Public Profile: read-only parts and viewers', slow, () => {
  it('shows the staff record’s fields read-only, with where they are edited', async () => {
    await openProfile('sofia', 'sofia');
    const record = screen.getByRole('region', { name: 'From the staff record Read-only' });
    expect(record).toHaveAccessibleDescription(
      'These fields can’t be changed here: they are edited in Staff › Details.',
    );
    const terms = within(record)
      .getAllByRole('term')
      .map((dt) => dt.textContent);
    expect(terms).toEqual([
      'First Name',
      'Last Name',
      'Email',
      'NPI',
      'Office Phone',
      'Default Location',
      'Profile Photo',
    ]);
    expect(within(record).getByText('sofia.marquez@harborviewcounseling.com')).toBeInTheDocument();
    expect(within(record).getByText('Denver Highlands Office (Denver, CO)')).toBeInTheDocument();
    expect(within(record).queryByRole('textbox')).not.toBeInTheDocument();
  });

  it('a scheduler sees everything and edits nothing', async () => {
    await openProfile('luis', 'priya');
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Save|Submit/ })).not.toBeInTheDocument();
    expect(screen.getByText('Completed')).toBeInTheDocument();
    const fields = screen.getByRole('region', { name: 'Profile' });
    expect(within(fields).getByText('PhD, Licensed Psychologist')).toBeInTheDocument();
    expect(
      within(fields).getByText('Anxiety, Depression, Work and career, Life transitions'),
    ).toBeInTheDocument();
    expect(within(fields).getByText('she/her')).toBeInTheDocument();
  });

  it('the preview shows public fields with their labels, never email, NPI, phone or license number', async () => {
    const { user } = await openProfile('luis', 'priya');
    const toggle = screen.getByRole('button', { name: 'Preview profile' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const preview = screen.getByRole('article', { name: 'Priya Raman’s public profile' });
    expect(preview).toHaveTextContent('Priya Raman, PhD, Licensed Psychologist');
    expect(preview).toHaveTextContent('(she/her)');
    expect(preview).toHaveTextContent('Harborview Counseling Collective · Back Bay Office, Boston, MA');
    expect(preview).toHaveTextContent('Cognitive behavioral therapy (CBT)');
    expect(preview).toHaveTextContent('Psychologist (PhD / PsyD), licensed in MA');
    expect(preview).toHaveTextContent('Young adults (18–25)');
    expect(preview).toHaveTextContent('In person');
    expect(preview).toHaveTextContent('Hindi');
    for (const hidden of [
      'priya.raman@harborviewcounseling.com',
      '1578932046',
      '(617) 555-0151',
      'PSY-10482',
    ]) {
      expect(preview).not.toHaveTextContent(hidden);
    }
    await user.click(toggle);
    expect(screen.queryByRole('article')).not.toBeInTheDocument();
  });

  it('the preview follows the form as it is typed, before saving', async () => {
    const { user } = await openProfile('sofia', 'sofia');
    await user.type(textbox('Professional title / credentials'), 'LPC');
    await user.click(screen.getByRole('button', { name: 'Preview profile' }));
    const preview = screen.getByRole('article', { name: 'Sofia Marquez’s public profile' });
    expect(preview).toHaveTextContent('Sofia Marquez, LPC');
    expect(screen.getByText(/Includes changes you have not saved yet\./)).toBeInTheDocument();

    // saved: nothing unsaved any more, until the next edit
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(statusRegion()).toHaveTextContent('Draft saved.'), patience);
    expect(screen.queryByText(/Includes changes you have not saved yet\./)).not.toBeInTheDocument();
    await user.type(textbox('Education'), 'MA');
    expect(screen.getByText(/Includes changes you have not saved yet\./)).toBeInTheDocument();
  });

  it('says when the staff member has no public profile (not a therapist)', async () => {
    await supabase.auth.signInWithPassword({ email: staff.maya.email, password: demoPassword });
    renderApp({ route: `/staff/${staff.luis.id}/public-profile` });
    expect(
      await screen.findByText(
        'Public profiles belong to therapists: this staff member has none.',
        {},
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
  });
});
