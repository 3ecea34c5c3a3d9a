import { describe, expect, it } from 'vitest';
import { doneSinceLastPulse } from '../../../shared/actions/done-since-last-pulse.js';
import {
  createAction,
  deleteAction,
  listActions,
  updateAction,
} from '../../../shared/actions/manage-actions.js';
import { handleSesNotification } from '../../../shared/mail/handle-ses-notification.js';
import { createOrganisation } from '../../../shared/organisations/create-organisation.js';
import { enrolOrganisation } from '../../../shared/organisations/enrol-organisation.js';
import {
  authenticate,
  createApiKey,
  listApiKeys,
  revokeApiKey,
} from '../../../shared/organisations/manage-api-keys.js';
import { resendVerification } from '../../../shared/organisations/resend-verification.js';
import { updateOrganisation } from '../../../shared/organisations/update-organisation.js';
import { findVerification } from '../../../shared/organisations/verify-organisation.js';
import { eraseRespondent } from '../../../shared/respondents/erase-respondent.js';
import { importRespondents } from '../../../shared/respondents/import-respondents.js';
import { listRespondents } from '../../../shared/respondents/list-respondents.js';
import { respondentKeyOf } from '../../../shared/respondents/respondent-identity.js';
import { linkKey } from '../../../shared/tokens/link-key.js';
import { resolveValueList } from '../../../shared/values/resolve-value-list.js';
import { createMemoryDeps } from '../../support/memory-deps.js';
import { invitedRound, linkIn, staff, verifiedOrganisation } from './setup.js';

describe('organisations, keys, respondents and actions on the memory adapters', () => {
  it('enrols unverified, mails a verification link that finds the organisation, and verifies', async () => {
    // Prepare
    const deps = createMemoryDeps();

    // Act
    const created = await createOrganisation(deps, {
      name: 'Skolan',
      contactEmail: 'rektor@example.org',
      language: 'sv',
    });
    const found = await findVerification(deps, linkIn(deps.mailer.sent[0]?.text ?? '', 'verify'));

    // Assess
    expect(created.organisation).toMatchObject({ verified: false, anonymityThreshold: 5 });
    expect(deps.mailer.sent.map((mail) => [mail.to, mail.purpose])).toEqual([
      ['rektor@example.org', 'verification'],
    ]);
    expect(found.id).toBe(created.organisation.id);
  });

  it('enrols once per Idempotency-Key: a retry gets the same organisation and admin key, replayed', async () => {
    // Prepare
    const deps = createMemoryDeps();
    const input = { name: 'Skolan', contactEmail: 'rektor@example.org', language: 'sv' as const };

    // Act
    const first = await enrolOrganisation(deps, input, 'retry-key-0123456789');
    const retry = await enrolOrganisation(deps, input, 'retry-key-0123456789');

    // Assess
    expect(first.replayed).toBe(false);
    expect(retry).toEqual({ body: first.body, replayed: true });
    expect(deps.mailer.sent).toHaveLength(1);
  });

  it('sends no second verification mail once verified', async () => {
    // Prepare
    const deps = createMemoryDeps();
    const org = await verifiedOrganisation(deps);

    // Act
    const resent = await resendVerification(deps, org.orgId);

    // Assess
    expect(resent).toEqual({ verified: true, sent: false });
    expect(deps.mailer.sent).toEqual([]);
  });

  it('changes settings, and refuses settings that do not fit together', async () => {
    // Prepare
    const deps = createMemoryDeps();
    const org = await verifiedOrganisation(deps);

    // Act
    const updated = await updateOrganisation(deps, org.orgId, { name: 'Omsorgen Syd', roundLengthDays: 21 });
    const refused = updateOrganisation(deps, org.orgId, { reminderDays: [30] });

    // Assess
    expect(updated).toMatchObject({ name: 'Omsorgen Syd', roundLengthDays: 21 });
    await expect(refused).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('authenticates a key until it is revoked, and lists the keys without secrets', async () => {
    // Prepare
    const deps = createMemoryDeps();
    const org = await verifiedOrganisation(deps);
    const admin = await authenticate(deps, org.adminKey);
    const analyst = await createApiKey(deps, org.orgId, 'analyst');

    // Act
    await revokeApiKey(deps, admin, analyst.id);
    const refused = authenticate(deps, analyst.key);

    // Assess
    await expect(refused).rejects.toMatchObject({ code: 'unauthorised' });
    const keys = await listApiKeys(deps, org.orgId);
    expect(keys.map((key) => [key.role, key.revokedAt !== undefined])).toEqual(
      expect.arrayContaining([
        ['admin', false],
        ['analyst', true],
      ]),
    );
    expect(JSON.stringify(keys)).not.toContain(analyst.key);
  });

  it('imports respondents idempotently and lists them a page at a time', async () => {
    // Prepare
    const deps = createMemoryDeps();
    const org = await verifiedOrganisation(deps);

    // Act
    const first = await importRespondents(deps, org.orgId, { respondents: staff(5) });
    const again = await importRespondents(deps, org.orgId, { respondents: staff(5) });
    const page = await listRespondents(deps, org.orgId, undefined, 3);

    // Assess
    expect(first).toMatchObject({ created: 5 });
    expect(again).toMatchObject({ created: 0, unchanged: 5 });
    expect(page.respondents).toHaveLength(3);
    expect(page.nextCursor).toBeDefined();
  });

  it('erases a respondent from the list and from the running round, killing their link', async () => {
    // Prepare
    const { deps, org, round, links } = await invitedRound(3);

    // Act
    await eraseRespondent(deps, org.orgId, 'staff0@example.org');

    // Assess
    expect(
      await deps.respondents.get(org.orgId, respondentKeyOf(deps.secrets, 'staff0@example.org')),
    ).toBeUndefined();
    const tokens = await Promise.all(links.map((link) => deps.tokens.get(linkKey(link))));
    expect(tokens.filter((token) => token === undefined)).toHaveLength(1);
    expect((await deps.rounds.get(org.orgId, round.id))?.erasedInvitations).toBe(1);
  });

  it('suppresses a hard-bounced address for every organisation', async () => {
    // Prepare
    const deps = createMemoryDeps();
    const message = JSON.stringify({
      notificationType: 'Bounce',
      bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: 'Staff0@Example.org' }] },
    });

    // Act
    const suppressed = await handleSesNotification(deps, message);

    // Assess
    expect(suppressed).toBe(1);
    const key = respondentKeyOf(deps.secrets, 'staff0@example.org');
    expect(await deps.suppressions.suppressedAmong('org_any', [key])).toEqual(new Set([key]));
  });

  it('records actions against a round and names the done ones in the next round', async () => {
    // Prepare
    const { deps, org, round } = await invitedRound(3);
    const planned = await createAction(deps, org.orgId, round.id, { text: 'Fråga brukarna varje vecka' });

    // Act
    await updateAction(deps, org.orgId, round.id, planned.id, { status: 'done' });
    const other = await createAction(deps, org.orgId, round.id, { text: 'Stryk' });
    await deleteAction(deps, org.orgId, round.id, other.id);

    // Assess
    expect((await listActions(deps, org.orgId, round.id)).map((action) => action.status)).toEqual(['done']);
    expect(await doneSinceLastPulse(deps, org.orgId, 'rnd_next')).toEqual(['Fråga brukarna varje vecka']);
  });

  it('uses no value list while values selection is off, and the default list once on', async () => {
    // Prepare
    const deps = createMemoryDeps();
    const org = await verifiedOrganisation(deps);
    const stored = await deps.organisations.get(org.orgId);
    if (!stored) throw new Error('organisation missing');

    // Act
    const off = await resolveValueList(deps, stored);
    const on = await resolveValueList(deps, { ...stored, values: { enabled: true } });

    // Assess
    expect(off).toBeUndefined();
    expect(on?.values.length).toBeGreaterThanOrEqual(20);
  });
});
