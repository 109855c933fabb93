import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BottomAxis, LeftAxis } from './chart-axes';

describe('chart axes', () => {
  it('place each tick and its label where the scale puts the value, and name the axis', () => {
    const { container } = render(
      <svg>
        <LeftAxis ticks={[0, 5, 10]} position={(v) => 100 - v * 10} height={100} />
        <BottomAxis
          ticks={[
            { key: '2026-10-19', text: 'Oct 19' },
            { key: '2026-10-26', text: 'Oct 26' },
          ]}
          position={(key) => (key === '2026-10-19' ? 20 : 60)}
          top={100}
          width={80}
          label="Week starting (Monday)"
        />
      </svg>,
    );
    const texts = [...container.querySelectorAll('text')].map((t) => [
      t.textContent,
      t.getAttribute('x'),
      t.getAttribute('y'),
    ]);
    expect(texts).toEqual([
      ['0', '-9', '100'],
      ['5', '-9', '50'],
      ['10', '-9', '0'],
      ['Oct 19', '20', '18'],
      ['Oct 26', '60', '18'],
      ['Week starting (Monday)', '40', '38'],
    ]);
  });
});
