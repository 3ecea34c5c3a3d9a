import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { composeMime } from '../../shared/adapters/ses/ses-mailer.js';
import { invitationMail } from '../../shared/mail/invitation-mail.js';
import { resolveCustomerTerm } from '../../shared/organisations/customer-term.js';
import type { RoundSnapshot } from '../../shared/rounds/round.js';

const snapshot: RoundSnapshot = {
  orgName: 'Evil <script>alert(1)</script> & Co',
  language: 'en',
  customerTerm: resolveCustomerTerm('patient'),
  rankMax: 100,
  questionsVersion: 'v1',
  anonymityThreshold: 5,
  commentThreshold: 10,
  remindAt: [],
  contactEmail: 'admin@example.org',
  reportRecipients: [],
};

describe('the invitation e-mail', () => {
  it('carries RFC 8058 unsubscribe headers, an HTML and a text part, and escapes the organisation name', async () => {
    const link = 'https://pulse.example.org/r/org_a.rnd_b.secret';
    const raw = await composeMime(
      'pulse@example.org',
      invitationMail('anna@example.org', snapshot, 'invite', '2027-03-15T08:00:00Z', link),
    );
    const parsed = await simpleParser(raw);

    const header = (name: string) =>
      parsed.headerLines.find((line) => line.key === name)?.line.replace(/\r\n\s+/g, ' ');
    expect(header('list-unsubscribe')).toBe(`List-Unsubscribe: <${link}/unsubscribe>`);
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(parsed.text).toContain(link);
    expect(parsed.html).toContain('Evil &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co');
    expect(parsed.html).not.toContain('<script>');
    expect(parsed.html).not.toMatch(/<img/i);
    expect(parsed.subject).toBe('Where does the patient rank at Evil <script>alert(1)</script> & Co?');
  });
});
