import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Button, buttonClassName } from './button';

describe('Button', () => {
  it('is a plain button unless it says it submits', () => {
    render(
      <form>
        <Button>Cancel</Button>
        <Button type="submit" variant="primary">
          Save
        </Button>
      </form>,
    );
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveAttribute('type', 'button');
    expect(screen.getByRole('button', { name: 'Save' })).toHaveAttribute('type', 'submit');
  });

  it('each variant and size has a look of its own, and a link can take it', () => {
    const looks = (['primary', 'secondary', 'danger', 'quiet'] as const).map((variant) =>
      buttonClassName({ variant }),
    );
    expect(new Set(looks).size).toBe(4);
    expect(buttonClassName({ variant: 'primary', size: 'small' })).not.toBe(looks[0]);
    render(
      <a href="/back" className={buttonClassName({ variant: 'secondary' })}>
        Back
      </a>,
    );
    expect(screen.getByRole('link', { name: 'Back' })).toHaveClass(...looks[1]!.split(' '));
  });

  it('keeps a busy button focusable (aria-disabled), and adds a caller’s class', () => {
    render(
      <Button variant="danger" aria-disabled className="extra">
        Deleting…
      </Button>,
    );
    const button = screen.getByRole('button', { name: 'Deleting…' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).not.toBeDisabled();
    expect(button).toHaveClass('extra', ...buttonClassName({ variant: 'danger' }).split(' '));
  });
});
