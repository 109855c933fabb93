import { describe, expect, it } from 'vitest';
import { truncateText } from './text';

describe('truncateText', () => {
  it('leaves short text alone', () => {
    expect(truncateText('  Short and sweet.  ', 50)).toEqual({ text: 'Short and sweet.', truncated: false });
  });

  it('cuts at a word boundary, without trailing punctuation, and marks the cut', () => {
    expect(truncateText('I help adults who feel stuck, and we work together.', 32)).toEqual({
      text: 'I help adults who feel stuck…',
      truncated: true,
    });
  });

  it('cuts inside a very long word when there is no good boundary', () => {
    expect(truncateText('x'.repeat(30), 10)).toEqual({ text: `${'x'.repeat(10)}…`, truncated: true });
  });
});
