import type { Clock } from '../common-ports.js';
import { notFound, validationFailed } from '../errors.js';
import { type TickTriggerDeps, wakeTick } from '../tick/tick-trigger.js';
import type { ValueListStore } from '../values/ports.js';
import { nextRoundAt } from './cadence.js';
import { resolveCustomerTerm } from './customer-term.js';
import { type Organisation, settingsProblems, type UpdateOrganisationInput } from './organisation.js';
import type { OrganisationStore } from './ports.js';

interface UpdateDeps extends TickTriggerDeps {
  organisations: OrganisationStore;
  valueLists: ValueListStore;
  clock: Clock;
}

/**
 * Changes settings. A running round keeps the snapshot it opened with, so edits apply from the next round.
 * A new cadence or time zone moves the next scheduled opening.
 */
export async function updateOrganisation(deps: UpdateDeps, orgId: string, input: UpdateOrganisationInput) {
  const current = await deps.organisations.get(orgId);
  if (!current) throw notFound('Organisation');
  const { customerTerm, ...plain } = input;
  const changes: Partial<Organisation> = { ...plain };
  if (customerTerm !== undefined) changes.customerTerm = resolveCustomerTerm(customerTerm);
  const merged = { ...current, ...changes };
  const listId = input.values?.listId;
  const problems = settingsProblems(merged);
  if (listId && listId !== 'default' && !(await deps.valueLists.get(orgId, listId)))
    problems.push({ path: 'values.listId', message: 'No such value list; upload it first' });
  if (problems.length > 0) throw validationFailed('The settings do not fit together', problems);
  if (current.verified && (input.cadence !== undefined || input.timezone !== undefined)) {
    changes.nextRoundAt = nextRoundAt(merged.cadence, merged.timezone, deps.clock.now())?.toISOString();
    // A sleeping tick is set for the old date; woken, it sets itself for the new one.
    if (changes.nextRoundAt !== current.nextRoundAt) await wakeTick(deps);
  }
  const updated = await deps.organisations.update(orgId, changes, deps.clock.now().toISOString());
  if (!updated) throw notFound('Organisation');
  return updated;
}
