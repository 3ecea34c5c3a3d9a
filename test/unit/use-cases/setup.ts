import { createOrganisation } from '../../../shared/organisations/create-organisation.js';
import type { CreateOrganisationInput } from '../../../shared/organisations/organisation.js';
import { verifyOrganisation } from '../../../shared/organisations/verify-organisation.js';
import { importRespondents } from '../../../shared/respondents/import-respondents.js';
import { openRound } from '../../../shared/rounds/open-round.js';
import { runTick } from '../../../shared/tick/run-tick.js';
import { createMemoryDeps, type MemoryDeps } from '../../support/memory-deps.js';

/** The first link of this kind in a mail's text: `/verify/<token>` or `/r/<token>`. */
export function linkIn(text: string, kind: 'verify' | 'r'): string {
  const found = new RegExp(`/${kind}/([\\w.-]+)`).exec(text);
  if (!found) throw new Error(`No /${kind}/ link in: ${text}`);
  return found[1] as string;
}

/** An enrolled, verified organisation with its admin key; the mail it got is cleared. */
export async function verifiedOrganisation(deps: MemoryDeps, input: Partial<CreateOrganisationInput> = {}) {
  const created = await createOrganisation(deps, {
    name: 'Omsorgen Norr',
    contactEmail: 'admin@example.org',
    language: 'sv',
    customerTerm: 'brukare',
    anonymityThreshold: 3,
    commentThreshold: 3,
    cadence: 'manual',
    ...input,
  });
  const token = linkIn(deps.mailer.sent.at(-1)?.text ?? '', 'verify');
  await verifyOrganisation(deps, token);
  deps.mailer.sent.length = 0;
  return { orgId: created.organisation.id, adminKey: created.adminKey };
}

/** Staff in three departments, each with a work address. */
export const staff = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    email: `staff${i}@example.org`,
    department: ['Vård', 'Omsorg', 'Stab'][i % 3] as string,
  }));

/** A verified organisation with `count` staff and an open round whose invitations went out. */
export async function invitedRound(count = 6, deps = createMemoryDeps()) {
  const org = await verifiedOrganisation(deps);
  await importRespondents(deps, org.orgId, { respondents: staff(count) });
  const round = await openRound(deps, org.orgId);
  await runTick(deps);
  const links = deps.mailer.sent
    .filter((mail) => mail.purpose === 'invite')
    .map((mail) => linkIn(mail.text, 'r'));
  deps.mailer.sent.length = 0;
  return { deps, org, round, links };
}
