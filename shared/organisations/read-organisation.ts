import { notFound } from '../errors.js';
import { organisationView } from './organisation.js';
import type { OrganisationStore } from './ports.js';

/** The organisation as the caller's role may read it (analysts: no addresses), or 404. */
export async function readOrganisation(
  deps: { organisations: OrganisationStore },
  orgId: string,
  role: 'admin' | 'analyst',
) {
  const org = await deps.organisations.get(orgId);
  if (!org) throw notFound('Organisation');
  return organisationView(org, role);
}
