import { describe, expect, it } from 'vitest';
import { createRespondentStore } from '../../shared/adapters/dynamodb/respondent-store.js';
import { createSuppressionStore } from '../../shared/adapters/dynamodb/suppression-store.js';
import { createTokenStore } from '../../shared/adapters/dynamodb/token-store.js';
import { createMemoryRespondentStore } from '../../shared/adapters/memory/respondent-store.js';
import { createMemorySuppressionStore } from '../../shared/adapters/memory/suppression-store.js';
import { createMemoryTokenStore } from '../../shared/adapters/memory/token-store.js';
import type { Respondent } from '../../shared/respondents/respondent.js';
import type { TokenRecord } from '../../shared/tokens/token.js';
import { contractBackends } from './adapters.js';
import { AT, hexKey } from './fixtures.js';

const backends = contractBackends();
const respondent = (orgId: string, overrides: Partial<Respondent> = {}): Respondent => ({
  orgId,
  respondentKey: hexKey(),
  email: 'staff@example.org',
  department: 'Vård',
  status: 'active',
  createdAt: AT,
  updatedAt: AT,
  ...overrides,
});

describe.each(backends)('RespondentStore on $name', (backend) => {
  const store = () => backend.pick(createMemoryRespondentStore, createRespondentStore);

  it('writes many (a rerun converges), reads them back by key, and lists each once a page at a time', async () => {
    const respondents = store();
    const all = Array.from({ length: 5 }, () => respondent('org_a'));
    await respondents.putMany(all);
    await respondents.putMany(all);
    await respondents.putMany([respondent('org_b')]);

    const seen: Respondent[] = [];
    let cursor: string | undefined;
    do {
      const page = await respondents.list('org_a', cursor, 2);
      seen.push(...page.items);
      cursor = page.cursor;
    } while (cursor);
    const found = await respondents.getMany('org_a', [all[0]?.respondentKey as string, 'f'.repeat(64)]);

    const byKey = (a: Respondent, b: Respondent) => a.respondentKey.localeCompare(b.respondentKey);
    expect(seen.sort(byKey)).toEqual([...all].sort(byKey));
    expect([...found.values()]).toEqual([all[0]]);
  });

  it('refuses a cursor it did not give out as a validation error', async () => {
    await expect(store().list('org_a', 'bm9wZQ', 10)).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('sets the status of one that exists, and deletes once', async () => {
    const respondents = store();
    const one = respondent('org_a');
    await respondents.putMany([one]);

    const set = await respondents.setStatus(
      'org_a',
      one.respondentKey,
      'unsubscribed',
      '2027-01-12T00:00:00.000Z',
    );
    const unknown = await respondents.setStatus('org_a', 'f'.repeat(64), 'suppressed', AT);
    const read = await respondents.get('org_a', one.respondentKey);
    const deleted = await respondents.delete('org_a', one.respondentKey);
    const again = await respondents.delete('org_a', one.respondentKey);

    expect(read).toEqual({ ...one, status: 'unsubscribed', updatedAt: '2027-01-12T00:00:00.000Z' });
    expect([set, unknown, deleted, again]).toEqual([true, false, true, false]);
    expect(await respondents.get('org_a', one.respondentKey)).toBeUndefined();
  });
});

describe.each(backends)('TokenStore on $name', (backend) => {
  const store = () => backend.pick(createMemoryTokenStore, createTokenStore);

  it('stores both kinds of token by hash, replaces on put, and forgets on delete', async () => {
    const tokens = store();
    const link: TokenRecord = {
      kind: 'answer',
      tokenHash: hexKey(),
      orgId: 'org_a',
      roundId: 'rnd_a',
      respondentKey: hexKey(),
      segments: { department: 'Vård', site: 'Norr' },
      expiresAt: '2027-01-25T08:00:00.000Z',
      via: 'code',
    };
    const verify: TokenRecord = { kind: 'verify', tokenHash: hexKey(), orgId: 'org_a', expiresAt: AT };

    await tokens.put(link);
    await tokens.put(verify);
    await tokens.put({ ...verify, expiresAt: '2027-01-18T08:00:00.000Z' });
    const read = [await tokens.get(link.tokenHash), await tokens.get(verify.tokenHash)];
    await tokens.delete(link.tokenHash);

    expect(read).toEqual([link, { ...verify, expiresAt: '2027-01-18T08:00:00.000Z' }]);
    expect(await tokens.get(link.tokenHash)).toBeUndefined();
  });
});

describe.each(backends)('SuppressionStore on $name', (backend) => {
  const store = () => backend.pick(createMemorySuppressionStore, createSuppressionStore);

  it('holds bounces for every organisation and an unsubscribe for its own organisation only', async () => {
    const suppressions = store();
    const [bounced, unsubscribed, fine] = [hexKey(), hexKey(), hexKey()];
    await suppressions.suppress(bounced, 'bounce', AT);
    await suppressions.unsubscribe('org_a', unsubscribed, AT);
    const all = [bounced, unsubscribed, fine];

    expect(await suppressions.suppressedAmong('org_a', all)).toEqual(new Set([bounced, unsubscribed]));
    expect(await suppressions.suppressedAmong('org_b', all)).toEqual(new Set([bounced]));
    expect(await suppressions.unsubscribedAmong('org_a', all)).toEqual(new Set([unsubscribed]));
    expect(await suppressions.suppressedAmong('org_a', [])).toEqual(new Set());
  });
});
