import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { CheckboxGroupField, DateTimeField, SelectField, TextAreaField, TextField } from './field';

describe('the field kit', () => {
  it('a text field is named by its label and described by its hint, then its error', () => {
    const { rerender } = render(<TextField label="Email" hint="Where we write to you." required />);
    const input = screen.getByRole('textbox', { name: 'Email' });
    expect(input).toHaveAccessibleDescription('Where we write to you.');
    expect(input).toHaveAttribute('aria-required', 'true');
    expect(input).not.toHaveAttribute('aria-invalid');

    rerender(<TextField label="Email" hint="Where we write to you." required error="Enter an email." />);
    expect(input).toHaveAccessibleDescription('Where we write to you. Enter an email.');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('Enter an email.');
  });

  it('marks a required field with an asterisk the screen reader does not read', () => {
    render(<TextField label="First name" required />);
    expect(screen.getByText('*')).toHaveAttribute('aria-hidden', 'true');
    expect(screen.getByRole('textbox', { name: 'First name' })).toBeRequired();
  });

  it('keeps a caller’s own aria-required when the field is not marked required', () => {
    render(<TextField label="Phone" aria-required="true" />);
    expect(screen.getByRole('textbox', { name: 'Phone' })).toHaveAttribute('aria-required', 'true');
  });

  it('a text area takes more descriptions (a count) between its hint and its error', () => {
    render(
      <TextAreaField
        label="About me"
        hint="Who you help."
        describedBy={['count']}
        after={<p id="count">10 of 2,000 characters</p>}
        error="Too short."
        announceError={false}
      />,
    );
    const area = screen.getByRole('textbox', { name: 'About me' });
    expect(area.tagName).toBe('TEXTAREA');
    expect(area).toHaveAccessibleDescription('Who you help. 10 of 2,000 characters Too short.');
    // a form that announces a summary of its errors does not also announce each one
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('a select is named, described and invalid the same way', () => {
    render(
      <SelectField label="Reason" hint="Stays internal." error="Choose a reason.">
        <option value="">Choose</option>
        <option value="full">Fully booked</option>
      </SelectField>,
    );
    const select = screen.getByRole('combobox', { name: 'Reason' });
    expect(select).toHaveAccessibleDescription('Stays internal. Choose a reason.');
    expect(select).toHaveAttribute('aria-invalid', 'true');
  });

  it('date and time fields are the browser’s own inputs, labelled and described', () => {
    render(
      <>
        <DateTimeField type="date" label="Starts on" error="Pick a date." />
        <DateTimeField type="time" label="Start time" describedBy={['zone']} />
        <p id="zone">Times are in Eastern Time.</p>
      </>,
    );
    const date = screen.getByLabelText('Starts on');
    expect(date).toHaveAttribute('type', 'date');
    expect(date).toHaveAccessibleDescription('Pick a date.');
    const time = screen.getByLabelText('Start time');
    expect(time).toHaveAttribute('type', 'time');
    expect(time).toHaveAccessibleDescription('Times are in Eastern Time.');
  });

  it('a checkbox group is a named group, described by its hint and error, its value in the options’ order', async () => {
    const user = userEvent.setup();
    function Payers({ error }: { error?: string }) {
      const [value, setValue] = useState<string[]>([]);
      return (
        <>
          <CheckboxGroupField
            name="payers"
            label="Payers"
            hint="Choose at least one."
            error={error}
            required
            options={[
              { value: 'aetna', label: 'Aetna' },
              { value: 'cigna', label: 'Cigna' },
            ]}
            value={value}
            onChange={setValue}
          />
          <output>{value.join(',')}</output>
        </>
      );
    }
    const { rerender } = render(<Payers />);
    const group = screen.getByRole('group', { name: 'Payers (required)' });
    expect(group).toHaveAccessibleDescription('Choose at least one.');
    rerender(<Payers error="Choose a payer." />);
    expect(group).toHaveAccessibleDescription('Choose at least one. Choose a payer.');

    await user.click(screen.getByRole('checkbox', { name: 'Cigna' }));
    await user.click(screen.getByRole('checkbox', { name: 'Aetna' }));
    expect(screen.getByRole('status')).toHaveTextContent('aetna,cigna');
  });
});
