import type { LocalStack } from '../../infra/local/stack.js';
import { apiClient, linkIn, sentMail } from './stack.js';

export const linkPattern = /\/r\/org_\w+\.rnd_\w+\.[\w-]{43}/;

/** The codes on a round's sheet, by employee id, read from its CSV as an admin would. */
export async function codesByEmployee(stack: LocalStack, orgId: string, roundId: string, adminKey: string) {
  const call = apiClient(stack);
  const csv = await call('GET', `/v1/organisations/${orgId}/rounds/${roundId}/codes?format=csv`, {
    key: adminKey,
  });
  if (csv.status !== 200) throw new Error(`codes failed: ${csv.status} ${csv.text}`);
  const rows = csv.text.trim().split('\r\n').slice(1);
  return new Map(rows.map((row) => [row.split(',')[0] as string, row.split(',')[4] as string]));
}

/** Answers by code at the kiosk as a browser would: the code, then the form with the code carried along. */
export async function answerByCode(stack: LocalStack, code: string, fields: Record<string, string>) {
  const post = (body: Record<string, string>) =>
    fetch(`${stack.apiUrl}/k`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(body).toString(),
    });
  const opened = await post({ code });
  if (opened.status !== 200) return opened;
  return post({ code, step: 'answer', ...fields });
}

/** Answers by the mailed link of one address. */
export async function answerByLink(stack: LocalStack, email: string, fields: Record<string, string>) {
  const mail = (await sentMail(stack)).find((m) => m.destination.to[0] === email);
  const link = linkIn(mail?.body.text ?? '', linkPattern);
  return fetch(`${stack.apiUrl}${link}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}
