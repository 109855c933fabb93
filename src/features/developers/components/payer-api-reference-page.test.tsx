import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import payerApiDocument from '../../../../supabase/functions/payer-api/openapi.json';
import { PayerApiReferencePage } from './payer-api-reference-page';

describe('the payer API reference page', () => {
  it('shows every call and webhook of the document under a heading of its own', () => {
    render(<PayerApiReferencePage />);
    expect(screen.getByRole('heading', { level: 1, name: 'Payer API reference' })).toBeInTheDocument();
    for (const [path, methods] of Object.entries(payerApiDocument.paths))
      for (const method of Object.keys(methods))
        expect(
          screen.getByRole('heading', { level: 3, name: `${method.toUpperCase()} ${path}` }),
        ).toBeInTheDocument();
    for (const event of Object.keys(payerApiDocument.webhooks))
      expect(screen.getByRole('heading', { level: 3, name: event })).toBeInTheDocument();
  });

  it('links every contents entry and named type to a section that exists', () => {
    const { container } = render(<PayerApiReferencePage />);
    const links = container.querySelectorAll<HTMLAnchorElement>('a[href^="#"]');
    expect(links.length).toBeGreaterThan(20);
    for (const link of links)
      expect(container.querySelector(link.getAttribute('href')!), link.getAttribute('href')!).not.toBeNull();
    const contents = screen.getByRole('navigation', { name: 'Contents' });
    expect(within(contents).getByRole('link', { name: 'POST /referral-requests' })).toHaveAttribute(
      'href',
      '#createreferralrequest',
    );
  });

  it('shows the verify-a-webhook example and each body’s example, in regions a keyboard can scroll', () => {
    render(<PayerApiReferencePage />);
    const example = screen.getByLabelText('TypeScript example: verify a webhook');
    expect(example).toHaveTextContent('new Webhook(secret)');
    expect(example).toHaveAttribute('tabindex', '0');
    expect(screen.getByLabelText('Example: POST /referral-requests body')).toHaveTextContent('"member_id"');
  });
});
