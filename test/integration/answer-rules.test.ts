import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.js';
import type { StoredAnswer } from '../../shared/answers/answer.js';
import { forEachAnswer } from '../../shared/answers/each-answer.js';
import { runTick } from '../../shared/tick/run-tick.js';
import { manualClock } from '../support/clock.js';
import { organisationWithOpenRound } from '../support/round-setup.js';
import { linkIn, sentMail, startTestStack } from '../support/stack.js';

const clock = manualClock(Date.parse('2027-03-01T08:00:00Z'));
let stack: LocalStack;
let org: Awaited<ReturnType<typeof organisationWithOpenRound>>;
let links: string[];

beforeAll(async () => {
  stack = await startTestStack({ overrides: { clock } });
  org = await organisationWithOpenRound(stack, 6, { customerTerm: 'medborgare', values: { enabled: true } });
  await runTick(stack.deps);
  links = (await sentMail(stack)).map((m) => linkIn(m.body.text, /\/r\/org_\w+\.rnd_\w+\.[\w-]{43}/));
});
afterAll(() => stack.close());

const answered = async () =>
  (await org.call('GET', `/v1/organisations/${org.orgId}/rounds/${org.roundId}`, { key: org.adminKey })).json
    .round.answered as number;

async function storedAnswers(): Promise<StoredAnswer[]> {
  const all: StoredAnswer[] = [];
  await forEachAnswer(stack.deps.answers, org.roundId, (answer) => all.push(answer));
  return all;
}

const form = (pairs: [string, string][]) => ({
  body: new URLSearchParams(pairs).toString(),
  type: 'application/x-www-form-urlencoded',
});

describe('the answer rules', () => {
  it('takes rank only as a plain decimal integer or "dont-know"', async () => {
    const link = links[0] as string;
    const refused = [];
    for (const rank of ['1e1', '0x10', '10.0', '-3', '+5', ' 1_0', '0', '101', 'vet inte', 10.5])
      refused.push((await org.call('POST', link, { json: { rank } })).status);

    expect(refused.every((status) => status === 400)).toBe(true);
    expect(await answered()).toBe(0);
  });

  it('refuses an answer with nothing in it, and does not mark the invitation answered', async () => {
    const link = links[0] as string;
    const empty = await org.call('POST', link, { json: {} });
    const blank = await org.call('POST', link, { json: { rank: '', rankReason: '   ' } });
    const emptyForm = await org.call('POST', link, form([['rank', '']]));

    expect(empty.status).toBe(400);
    expect(empty.json.error.details[0].code).toBe('empty_answer');
    expect(blank.status).toBe(400);
    expect(emptyForm.status).toBe(400);
    expect(emptyForm.text).toContain('Svaret är tomt');
    expect(await answered()).toBe(0);
  });

  it('stores a place, an explicit "don\'t know" and a skipped question apart, and free text in NFC', async () => {
    const decomposed = 'Byra\u030akrati';
    await org.call('POST', links[0] as string, { json: { rank: '12' } });
    await org.call(
      'POST',
      links[1] as string,
      form([
        ['rank', ''],
        ['rank', 'dont-know'],
      ]),
    );
    await org.call('POST', links[2] as string, { json: { rankReason: decomposed } });
    const both = await org.call(
      'POST',
      links[3] as string,
      form([
        ['rank', '7'],
        ['rank', 'dont-know'],
      ]),
    );
    const stored = await storedAnswers();

    expect(both.status).toBe(400);
    expect(stored.map((a) => (a.rank === undefined ? 'skipped' : a.rank)).sort()).toEqual(
      [12, null, 'skipped'].sort(),
    );
    expect(stored.find((a) => a.texts.rankReason)?.texts.rankReason).toBe(decomposed.normalize('NFC'));
    expect(decomposed).not.toBe(decomposed.normalize('NFC'));
    expect(await answered()).toBe(3);
  });

  it('lists the values in an order of their own per link, the same on reload, named with the compound', async () => {
    const ids = (html: string) =>
      [...html.matchAll(/type="checkbox" id="valuesToday-([a-z0-9-]+)"/g)].map((m) => m[1]);
    const first = (await org.call('GET', links[4] as string)).text;
    const again = (await org.call('GET', links[4] as string)).text;
    const other = (await org.call('GET', links[5] as string)).text;
    const customerPositions = ids(first)
      .map((id, index) =>
        ['customer-focus', 'service', 'accessibility'].includes(id as string) ? index : -1,
      )
      .filter((index) => index >= 0);

    expect(ids(first)).toHaveLength(100);
    expect(ids(again)).toEqual(ids(first));
    expect(ids(other)).not.toEqual(ids(first));
    expect(customerPositions.some((index) => index > 10)).toBe(true);
    expect(first).toContain('>Medborgarfokus</label>');
    expect(first).toContain('Förståelse för medborgarens behov');
    expect(first).toContain('Vilka konsekvenser får dagens ranking av medborgarfokus?');
    expect(first).toContain('value="dont-know"');
  });
});
