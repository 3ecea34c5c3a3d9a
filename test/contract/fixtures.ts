import { randomBytes } from 'node:crypto';
import type { StoredAnswer } from '../../shared/answers/answer.js';
import { resolveCustomerTerm } from '../../shared/organisations/customer-term.js';
import { DEFAULTS, type Organisation } from '../../shared/organisations/organisation.js';
import type { Invitation } from '../../shared/rounds/invitation.js';
import { newRound, type Round } from '../../shared/rounds/round.js';

/** Entities as the domain makes them, for the contract suites: ids random, times fixed. */
export const hexKey = () => randomBytes(32).toString('hex');
const alnum = () => randomBytes(8).toString('hex');
export const AT = '2027-01-11T08:00:00.000Z';

export function organisation(overrides: Partial<Organisation> = {}): Organisation {
  return {
    id: `org_${alnum()}`,
    name: 'Vårdförbundet Norr',
    contactEmail: 'admin@example.org',
    language: 'sv',
    customerTerm: resolveCustomerTerm('brukare'),
    timezone: DEFAULTS.timezone,
    cadence: DEFAULTS.cadence,
    roundLengthDays: 14,
    reminderDays: [5, 10],
    reportRecipients: ['admin@example.org'],
    anonymityThreshold: 5,
    commentThreshold: 10,
    values: { enabled: false },
    verified: false,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

export function round(org: Organisation, opensAt = AT): Round {
  return newRound(org, `rnd_${alnum()}`, 'manual', new Date(opensAt));
}

export function invitation(roundOf: Round, overrides: Partial<Invitation> = {}): Invitation {
  return {
    roundId: roundOf.id,
    orgId: roundOf.orgId,
    respondentKey: hexKey(),
    segments: { department: 'Vård' },
    createdAt: AT,
    mails: {},
    ...overrides,
  };
}

export function answer(roundId: string, overrides: Partial<StoredAnswer> = {}): StoredAnswer {
  return {
    roundId,
    answerKey: hexKey(),
    rank: 12,
    texts: { rankReason: 'Vi pratar om budget' },
    segments: { department: 'Vård' },
    ...overrides,
  };
}
