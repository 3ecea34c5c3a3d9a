import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.js';
import { runTick } from '../../shared/tick/run-tick.js';
import { linkKey } from '../../shared/tokens/link-key.js';
import { organisationWithOpenRound } from '../support/round-setup.js';
import { scanTable } from '../support/scan-table.js';
import { linkIn, sentMail, startTestStack } from '../support/stack.js';

// The attacker holds a copy of the whole table (a leaked backup, a misread export) but not the pepper, which
// lives in SSM. Since decision 136 a link's token is stored under its unkeyed SHA-256: what must stay keyed,
// so that the copy cannot turn answers back into people, is checked here.
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
let stack: LocalStack;
let items: Record<string, unknown>[];
let links: string[];
let org: Awaited<ReturnType<typeof organisationWithOpenRound>>;

beforeAll(async () => {
  stack = await startTestStack();
  org = await organisationWithOpenRound(stack, 4);
  await runTick(stack.deps);
  links = (await sentMail(stack))
    .filter((mail) => mail.body.text.includes(org.roundId))
    .map((mail) => linkIn(mail.body.text, /\/r\/org_\w+\.rnd_\w+\.[\w-]{43}/));
  for (const [i, link] of links.entries())
    await org.call('POST', link, { json: { rank: 10 + i, rankReason: 'Vi pratar om dem varje vecka' } });
  items = await scanTable(stack);
});
afterAll(() => stack.close());

describe('an attacker with a copy of the table and no pepper', () => {
  it('finds no link and no admin key in it in the clear, only their keys', () => {
    const copy = JSON.stringify(items);
    const secrets = [
      ...links.map((link) => link.split('.')[2] as string),
      org.adminKey.split('.').at(-1) as string,
    ];

    expect(links).toHaveLength(4);
    for (const secret of secrets) expect(copy).not.toContain(secret);
    for (const link of links) expect(copy).toContain(linkKey(link.slice('/r/'.length)));
  });

  it('cannot open a link with what the table holds: its key is not a link', async () => {
    const key = linkKey((links[0] as string).slice('/r/'.length));

    const asLink = await org.call('GET', `/r/${org.orgId}.${org.roundId}.${key.slice(0, 43)}`);

    expect(asLink.status).toBe(404);
  });

  it('cannot tie an answer to a person by hashing what the table holds, as it could a link', () => {
    const respondentKeys = items
      .filter((item) => String(item.pk).startsWith(`RINV#${org.roundId}#`))
      .map((item) => String(item.sk));
    const answerKeys = new Set(
      items
        .filter((item) => String(item.pk).startsWith(`RANS#${org.roundId}`))
        .map((item) => String(item.sk)),
    );
    const unkeyed = respondentKeys.map((key) => sha256(`answer:${org.roundId}:${key}`));

    expect(respondentKeys).toHaveLength(4);
    expect(answerKeys.size).toBe(4);
    expect(unkeyed.filter((key) => answerKeys.has(key))).toEqual([]);
  });
});
