import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';
import { count, hours, outcomeLabel, percent } from './figures';

describe('how figures read', () => {
  it('names known outcomes and reasons, and still reads a status added later', () => {
    expect(outcomeLabel('declined', 'not_a_clinical_fit')).toBe('Declined: not a clinical fit');
    expect(outcomeLabel('alternatives_offered', null)).toBe('Other times offered');
    expect(outcomeLabel('on_hold_for_review', null)).toBe('On hold for review');
    expect(outcomeLabel('declined', 'new_reason')).toBe('Declined: new reason');
  });

  it('writes shares and hours, and a dash for no figure', () => {
    expect(percent(0.4286)).toBe('42.9%');
    expect(percent(null)).toBe('—');
    expect(hours(35.6)).toBe('35.6 h');
    expect(hours(0.5)).toBe('30 min');
    expect(hours(null)).toBe('—');
    expect(hours(1234.56)).toBe('1,234.6 h');
    expect(count(63232)).toBe('63,232');
    expect(count(0.12345)).toBe((0.12345).toLocaleString('en-US'));
  });

  it('quotes CSV cells that need it', () => {
    expect(
      toCsv(
        ['Source', 'Requests'],
        [
          ['Blue Cross, "MA"', 3],
          ['Client Portal', null],
        ],
      ),
    ).toBe('Source,Requests\r\n"Blue Cross, ""MA""",3\r\nClient Portal,\r\n');
  });
});
