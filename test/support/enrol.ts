import type { LocalStack } from '../../infra/local/stack.js';
import { apiClient, linkIn, sentMail } from './stack.js';

let counter = 0;

/** Enrols an organisation and verifies it through the link in its e-mail, as an admin would. */
export async function enrolVerified(stack: LocalStack, settings: Record<string, unknown> = {}) {
  const call = apiClient(stack);
  const contactEmail = `admin${++counter}-${Date.now()}@example.org`;
  const created = await call('POST', '/v1/organisations', {
    json: { name: `Org ${counter}`, contactEmail, language: 'sv', ...settings },
  });
  if (created.status !== 201) throw new Error(`enrol failed: ${created.status} ${created.text}`);
  const mail = (await sentMail(stack)).find((m) => m.destination.to.includes(contactEmail));
  if (!mail) throw new Error('no verification mail');
  const link = linkIn(mail.body.text, /http:\/\/localhost:\d+\/verify\/[A-Za-z0-9_-]+/);
  const verified = await fetch(link.replace(/^http:\/\/localhost:\d+/, stack.apiUrl), { method: 'POST' });
  if (verified.status !== 200) throw new Error(`verify failed: ${verified.status}`);
  return {
    orgId: created.json.organisation.id as string,
    adminKey: created.json.adminKey as string,
    contactEmail,
  };
}
