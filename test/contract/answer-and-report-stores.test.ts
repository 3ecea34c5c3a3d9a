import { describe, expect, it } from 'vitest';
import { createAnswerCodeReader } from '../../shared/adapters/dynamodb/answer-code-reader.js';
import { createAnswerLinkReader } from '../../shared/adapters/dynamodb/answer-link-reader.js';
import { createAnswerStore } from '../../shared/adapters/dynamodb/answer-store.js';
import { createBenchmarkStore } from '../../shared/adapters/dynamodb/benchmark-store.js';
import { createReportStore } from '../../shared/adapters/dynamodb/report-store.js';
import { createRoundStore } from '../../shared/adapters/dynamodb/round-store.js';
import { createTokenStore } from '../../shared/adapters/dynamodb/token-store.js';
import { createValueListStore } from '../../shared/adapters/dynamodb/value-list-store.js';
import { createMemoryAnswerStore } from '../../shared/adapters/memory/answer-store.js';
import {
  createMemoryAnswerCodeReader,
  createMemoryAnswerLinkReader,
} from '../../shared/adapters/memory/readers.js';
import {
  createMemoryBenchmarkStore,
  createMemoryReportStore,
} from '../../shared/adapters/memory/report-store.js';
import { createMemoryRoundStore } from '../../shared/adapters/memory/round-store.js';
import { createMemoryTokenStore } from '../../shared/adapters/memory/token-store.js';
import { createMemoryValueListStore } from '../../shared/adapters/memory/value-list-store.js';
import type { StoredAnswer } from '../../shared/answers/answer.js';
import { computeRoundReport } from '../../shared/reports/store-round-figures.js';
import type { TokenRecord } from '../../shared/tokens/token.js';
import { DEFAULT_VALUE_LIST } from '../../shared/values/default-value-list.js';
import { createMemoryDeps } from '../support/memory-deps.js';
import { contractBackends } from './adapters.js';
import { AT, answer, hexKey, organisation, round } from './fixtures.js';

const backends = contractBackends();

describe.each(backends)('AnswerStore on $name', (backend) => {
  const store = () => backend.pick(createMemoryAnswerStore, createAnswerStore);

  it('keeps one answer per key (a second replaces the first) and pages every one exactly once', async () => {
    const answers = store();
    const all = Array.from({ length: 40 }, () => answer('rnd_a'));
    for (const each of all) await answers.put(each);
    const replaced = { ...(all[0] as StoredAnswer), rank: null, texts: {} };
    await answers.put(replaced);
    await answers.put(answer('rnd_b'));

    const seen: StoredAnswer[] = [];
    let cursor: string | undefined;
    do {
      const page = await answers.page('rnd_a', cursor, 2);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items);
      cursor = page.cursor;
    } while (cursor);

    const byKey = (a: StoredAnswer, b: StoredAnswer) => a.answerKey.localeCompare(b.answerKey);
    expect(seen.sort(byKey)).toEqual([replaced, ...all.slice(1)].sort(byKey));
    await expect(answers.page('rnd_a', 'bm9wZQ', 2)).rejects.toThrow('Unknown answer cursor');
  });
});

describe.each(backends)('ReportStore and BenchmarkStore on $name', (backend) => {
  const reports = () => backend.pick(createMemoryReportStore, createReportStore);
  const benchmarks = () => backend.pick(createMemoryBenchmarkStore, createBenchmarkStore);

  async function closedReport(closesAt: string) {
    const deps = createMemoryDeps();
    const org = organisation({ anonymityThreshold: 3, commentThreshold: 3 });
    const closed = { ...round(org), closesAt, closedAt: closesAt };
    for (const rank of [3, 8, 12, 40]) await deps.answers.put(answer(closed.id, { rank }));
    return computeRoundReport(deps, closed);
  }

  it('reads back the report, its whole comment sample and its trend point, oldest point first', async () => {
    const store = reports();
    const [later, earlier] = [await closedReport('2027-06-01T08:00:00.000Z'), await closedReport(AT)];
    const sameOrg = { ...earlier, orgId: later.orgId };

    await store.put(later, later.comments);
    await store.put(sameOrg, { rankReason: ['a', 'b'] });

    expect(await store.get(later.orgId, later.roundId)).toEqual(later);
    expect(await store.getComments(later.orgId, sameOrg.roundId)).toEqual({ rankReason: ['a', 'b'] });
    expect((await store.listTrend(later.orgId)).map((point) => point.roundId)).toEqual([
      sameOrg.roundId,
      later.roundId,
    ]);
    expect(await store.getComments(later.orgId, 'rnd_unknown')).toBeUndefined();
  });

  it("replaces a rerun's comments with the rerun's own, never a mix of both", async () => {
    const store = reports();
    const report = await closedReport(AT);
    await store.put(report, { rankReason: ['x'.repeat(200_000), 'y'.repeat(200_000)], raiseIdeas: ['z'] });

    await store.put({ ...report, computedAt: '2027-01-12T00:00:00.000Z' }, { rankReason: ['only'] });

    expect(await store.getComments(report.orgId, report.roundId)).toEqual({ rankReason: ['only'] });
  });

  it("keeps each organisation's latest median: an older round never replaces a newer one", async () => {
    const store = benchmarks();
    await store.record('org_a', 40, '2027-06-01T00:00:00.000Z');
    await store.record('org_a', 60, '2027-01-01T00:00:00.000Z');
    await store.record('org_b', 20, AT);
    await store.record('org_b', 25, '2027-02-01T00:00:00.000Z');

    expect(await store.all()).toEqual(
      new Map([
        ['org_a', 40],
        ['org_b', 25],
      ]),
    );
  });
});

describe.each(backends)('ValueListStore on $name', (backend) => {
  it('stores a list once under its id and reads it back', async () => {
    const lists = backend.pick(createMemoryValueListStore, createValueListStore);
    const list = { ...DEFAULT_VALUE_LIST, id: 'vl_1' };

    await lists.put('org_a', list);

    expect(await lists.get('org_a', 'vl_1')).toEqual(list);
    expect(await lists.get('org_b', 'vl_1')).toBeUndefined();
    await expect(lists.put('org_a', list)).rejects.toThrow();
  });
});

describe.each(backends)('AnswerLinkReader and AnswerCodeReader on $name', (backend) => {
  const stores = () =>
    backend.pick(
      () => {
        const [tokens, rounds] = [createMemoryTokenStore(), createMemoryRoundStore()];
        const links = createMemoryAnswerLinkReader(tokens, rounds);
        return { tokens, rounds, links, codes: createMemoryAnswerCodeReader(tokens, rounds) };
      },
      (db, table) => ({
        tokens: createTokenStore(db, table),
        rounds: createRoundStore(db, table),
        links: createAnswerLinkReader(db, table),
        codes: createAnswerCodeReader(db, table),
      }),
    );

  it('reads a token and its round together, and whichever of the two exists alone', async () => {
    const { tokens, rounds, links, codes } = stores();
    const open = round(organisation());
    const token: TokenRecord = {
      kind: 'answer',
      tokenHash: hexKey(),
      orgId: open.orgId,
      roundId: open.id,
      respondentKey: hexKey(),
      segments: {},
      expiresAt: open.closesAt,
    };
    await rounds.create(open);
    await tokens.put(token);

    expect(await links.read(token.tokenHash, open.orgId, open.id)).toEqual({ token, round: open });
    expect(await links.read(token.tokenHash, open.orgId, 'rnd_other')).toEqual({ token });
    expect(await links.read(hexKey(), open.orgId, open.id)).toEqual({ round: open });
    expect(await codes.read(token.tokenHash)).toEqual({ token, round: open });
    expect(await codes.read(hexKey())).toEqual({});
  });
});
