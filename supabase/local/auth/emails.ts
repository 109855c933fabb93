/**
 * The emails the auth service sends. They carry an account link only: never names of clients,
 * referrals or anything else from the app's data.
 */
import type { EmailMessage } from './context.ts';

const productName = 'Client Referral Program';

const escapeHtml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

export function inviteEmail(to: string, link: string): EmailMessage {
  const text = [
    `You have been invited to ${productName}.`,
    '',
    'Follow this link to accept the invite and set your password:',
    link,
    '',
    'If you were not expecting this invitation, you can ignore this email.',
  ].join('\n');
  const html = [
    `<h2>You have been invited to ${productName}</h2>`,
    '<p>Follow this link to accept the invite and set your password:</p>',
    `<p><a href="${escapeHtml(link)}">Accept the invite</a></p>`,
    '<p>If you were not expecting this invitation, you can ignore this email.</p>',
  ].join('\n');
  return { to, subject: `You have been invited to ${productName}`, html, text };
}
