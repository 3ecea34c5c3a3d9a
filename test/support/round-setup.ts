import type { LocalStack } from '../../infra/local/stack.js';
import { enrolVerified } from './enrol.js';
import { apiClient, clearMail } from './stack.js';

/** A verified organisation with `count` respondents in three departments and a round just opened. */
export async function organisationWithOpenRound(
  stack: LocalStack,
  count: number,
  settings: Record<string, unknown> = {},
) {
  const call = apiClient(stack);
  const org = await enrolVerified(stack, settings);
  const respondents = Array.from({ length: count }, (_, i) => ({
    email: `p${i}.${org.orgId.slice(4, 10)}@example.org`.toLowerCase(),
    department: ['Vård', 'Omsorg', 'Stab'][i % 3] as string,
  }));
  await call('PUT', `/v1/organisations/${org.orgId}/respondents`, {
    key: org.adminKey,
    json: { respondents },
  });
  const opened = await call('POST', `/v1/organisations/${org.orgId}/rounds`, { key: org.adminKey });
  if (opened.status !== 201) throw new Error(`open failed: ${opened.text}`);
  await clearMail(stack);
  return { ...org, roundId: opened.json.round.id as string, respondents, call };
}

/** How many mails each address got, for exactly-once assertions. */
export function countByRecipient(mails: { destination: { to: string[] } }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const mail of mails) {
    const to = mail.destination.to[0] as string;
    counts.set(to, (counts.get(to) ?? 0) + 1);
  }
  return counts;
}
