import type { Mailer, OutgoingMail } from '../../shared/mail/ports.js';
import { resolveCustomerTerm } from '../../shared/organisations/customer-term.js';
import { DEFAULTS, type Organisation } from '../../shared/organisations/organisation.js';
import type { OrganisationStore } from '../../shared/organisations/ports.js';
import type { RespondentStore } from '../../shared/respondents/ports.js';
import type { Respondent } from '../../shared/respondents/respondent.js';
import { respondentKeyOf } from '../../shared/respondents/respondent-identity.js';
import type { RoundStore } from '../../shared/rounds/ports.js';
import { newRound } from '../../shared/rounds/round.js';
import type { Secrets } from '../../shared/security/secrets.js';

interface SeedDeps {
  organisations: OrganisationStore;
  respondents: RespondentStore;
  rounds: RoundStore;
  secrets: Secrets;
}

/** Respondent i of an organisation: the address names the organisation, so a counted mail says whose it is. */
export const addressOf = (orgId: string, i: number) => `p${i}.${orgId.toLowerCase()}@example.org`;
export const orgOfAddress = (address: string) => /^[a-z]+\d*\.(org_[a-z0-9]+)@/.exec(address)?.[1];

/**
 * A verified organisation with `respondents` people and a round opened at `opensAt`, written straight to the
 * stores as enrolment, import and openRound would leave them: thousands of organisations in seconds.
 */
export async function seedOrganisationWithRound(
  deps: SeedDeps,
  input: { orgId: string; respondents: number; opensAt: Date; closesAt?: Date },
) {
  const at = input.opensAt.toISOString();
  const contactEmail = `admin.${input.orgId.toLowerCase()}@example.org`;
  const org: Organisation = {
    id: input.orgId,
    name: `Kommun ${input.orgId}`,
    contactEmail,
    language: 'sv',
    customerTerm: resolveCustomerTerm('kund'),
    timezone: DEFAULTS.timezone,
    cadence: 'manual',
    roundLengthDays: DEFAULTS.roundLengthDays,
    reminderDays: [...DEFAULTS.reminderDays],
    reportRecipients: [contactEmail],
    anonymityThreshold: DEFAULTS.anonymityThreshold,
    commentThreshold: DEFAULTS.commentThreshold,
    values: { enabled: false },
    verified: true,
    verifiedAt: at,
    createdAt: at,
    updatedAt: at,
    openRoundId: `rnd_${input.orgId.slice(4)}`,
  };
  await deps.organisations.create(org);
  const people = Array.from({ length: input.respondents }, (_, i): Respondent => {
    const email = addressOf(input.orgId, i);
    return {
      orgId: input.orgId,
      respondentKey: respondentKeyOf(deps.secrets, email),
      email,
      department: ['Vård', 'Omsorg', 'Stab'][i % 3] as string,
      status: 'active',
      createdAt: at,
      updatedAt: at,
    };
  });
  for (let i = 0; i < people.length; i += 500) await deps.respondents.putMany(people.slice(i, i + 500));
  const round = newRound(org, org.openRoundId as string, 'manual', input.opensAt, input.closesAt);
  await deps.rounds.create(round);
  return { orgId: org.id, roundId: round.id, respondents: people };
}

/** A mailer that only records what it was given, in order: for runs too large or too many for the emulator. */
export function countingMailer() {
  const sent: OutgoingMail[] = [];
  const mailer: Mailer & { sent: OutgoingMail[] } = {
    sent,
    async send(mail) {
      sent.push(mail);
      return { messageId: `m${sent.length}` };
    },
  };
  return mailer;
}
