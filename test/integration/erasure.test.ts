import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.js';
import { eraseRespondent } from '../../shared/respondents/erase-respondent.js';
import { respondentKeyOf } from '../../shared/respondents/respondent-identity.js';
import type { Invitation } from '../../shared/rounds/invitation.js';
import { runTick } from '../../shared/tick/run-tick.js';
import { manualClock } from '../support/clock.js';
import { organisationWithOpenRound } from '../support/round-setup.js';
import { linkIn, sentMail, startTestStack } from '../support/stack.js';

const clock = manualClock(Date.parse('2027-03-01T08:00:00Z'));
let stack: LocalStack;
let org: Awaited<ReturnType<typeof organisationWithOpenRound>>;

beforeAll(async () => {
  stack = await startTestStack({ overrides: { clock } });
  org = await organisationWithOpenRound(stack, 3);
  await runTick(stack.deps);
});
afterAll(() => stack.close());

async function invitationsOf(roundId: string): Promise<Invitation[]> {
  const all: Invitation[] = [];
  let cursor: string | undefined;
  do {
    const page = await stack.deps.invitations.page(roundId, cursor, 100);
    all.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return all;
}

describe('erasure as one use case', () => {
  it('erases the respondent, their invitations and their links for any caller, not only the HTTP route', async () => {
    // Prepare
    const email = org.respondents[0]?.email as string;
    const key = respondentKeyOf(stack.deps.secrets, email);
    const mail = (await sentMail(stack)).find((m) => m.destination.to[0] === email);
    const link = linkIn(mail?.body.text ?? '', /\/r\/org_\w+\.rnd_\w+\.[\w-]{43}/);

    // Act
    await eraseRespondent(stack.deps, org.orgId, email);

    // Assess
    expect(await stack.deps.respondents.get(org.orgId, key)).toBeUndefined();
    expect((await invitationsOf(org.roundId)).map((i) => i.respondentKey)).not.toContain(key);
    expect((await org.call('GET', link)).status).toBe(404);
    expect((await stack.deps.rounds.get(org.orgId, org.roundId))?.erasedInvitations).toBe(1);
  });
});
