import { describe, expect, it } from 'vitest';
import { codeSheet } from '../../../shared/codes/code-sheet.js';
import { CODE_GUESS_LIMITS } from '../../../shared/codes/guess-limits.js';
import { resolveAnswerCode } from '../../../shared/codes/resolve-answer-code.js';
import { importRespondents } from '../../../shared/respondents/import-respondents.js';
import { openRound } from '../../../shared/rounds/open-round.js';
import { runTick } from '../../../shared/tick/run-tick.js';
import { createMemoryDeps } from '../../support/memory-deps.js';
import { verifiedOrganisation } from './setup.js';

const CLIENT = '198.51.100.4';

/** A round for three people without work e-mail: two on paper codes, one with a mobile (SMS). */
async function roundWithoutEmail() {
  const deps = createMemoryDeps();
  const org = await verifiedOrganisation(deps);
  await importRespondents(deps, org.orgId, {
    respondents: [
      { employeeId: 'A-100', department: 'Kök' },
      { employeeId: 'A-101', department: 'Kök' },
      { employeeId: 'A-102', department: 'Städ', mobile: '+46701234567' },
    ],
  });
  const round = await openRound(deps, org.orgId);
  await runTick(deps);
  return { deps, org, round };
}

describe('staff without e-mail on the memory adapters', () => {
  it('issues paper codes to those without a mobile and an SMS to the one with one, mailing nobody', async () => {
    // Prepare
    const { deps, org, round } = await roundWithoutEmail();

    // Act
    const sheet = await codeSheet(deps, org.orgId, round.id);

    // Assess
    expect(sheet.slips.map((slip) => slip.employeeId)).toEqual(['A-100', 'A-101']);
    expect(sheet.pending).toBe(0);
    expect(deps.sms.sent.map((message) => message.to)).toEqual(['+46701234567']);
    expect(deps.mailer.sent.filter((mail) => mail.purpose === 'invite')).toEqual([]);
  });

  it('resolves a typed code, with its dash and in lower case, to its round', async () => {
    // Prepare
    const { deps, org, round } = await roundWithoutEmail();
    const [slip] = (await codeSheet(deps, org.orgId, round.id)).slips;
    const typed = `${slip?.code.slice(0, 5)}-${slip?.code.slice(5)}`.toLowerCase();

    // Act
    const link = await resolveAnswerCode(deps, typed, CLIENT);

    // Assess
    expect(link).toMatchObject({ open: true, round: { id: round.id }, token: { via: 'code' } });
  });

  it('refuses every code from a client once it guessed wrong too often, the right one too', async () => {
    // Prepare
    const { deps, org, round } = await roundWithoutEmail();
    const [slip] = (await codeSheet(deps, org.orgId, round.id)).slips;
    for (let i = 0; i < CODE_GUESS_LIMITS.perClient.limit; i++)
      await resolveAnswerCode(deps, 'AAAAA-AAAAA', CLIENT).catch(() => undefined);

    // Act
    const refused = resolveAnswerCode(deps, slip?.code as string, CLIENT);
    const elsewhere = await resolveAnswerCode(deps, slip?.code as string, '192.0.2.9');

    // Assess
    await expect(refused).rejects.toMatchObject({ code: 'rate_limited' });
    expect(elsewhere.round.id).toBe(round.id);
  });
});
