import type { LocalStack } from '../../../infra/local/stack.js';
import { runTick } from '../../../shared/tick/run-tick.js';
import { enrolVerified } from '../../support/enrol.js';
import { apiClient, linkIn, sentMail } from '../../support/stack.js';

/** One member of a made-up population: where they sit, and what they will answer (undefined: never answers). */
export interface Person {
  department?: string;
  role?: string;
  site?: string;
  rank?: number | 'dont-know';
  rankReason?: string;
  /** Question 3: what would raise the customer's place (the report's `ideas`). */
  raiseIdeas?: string;
}

/**
 * p (the first) is alone in (D, Chef); five Sälj share D, six Chefs sit in E. Only p's place is a parameter, so
 * two rounds of it differ in p's answer alone: what differencing across rounds would have to find.
 */
export const aloneInACell = (pRank: number): Person[] => [
  { department: 'D', role: 'Chef', rank: pRank },
  ...[10, 12, 14, 16, 18].map((rank) => ({ department: 'D', role: 'Sälj', rank })),
  ...[20, 22, 24, 26, 28, 30].map((rank) => ({ department: 'E', role: 'Chef', rank })),
];

let populations = 0;

/** How the form's JSON says "don't know". */
export const DONT_KNOW = 'dont-know';

async function answerAs(call: ReturnType<typeof apiClient>, link: string, person: Person) {
  const rank = person.rank === 'dont-know' || person.rank === undefined ? DONT_KNOW : person.rank;
  const response = await call('POST', link, {
    json: {
      rank,
      ...(person.rankReason ? { rankReason: person.rankReason } : {}),
      ...(person.raiseIdeas ? { raiseIdeas: person.raiseIdeas } : {}),
    },
  });
  if (response.status >= 300) throw new Error(`answer failed: ${response.status} ${response.text}`);
}

/**
 * The attacker's own organisation, as its admin sees it: imports `people`, opens a round, mails the links
 * (the test plays each respondent by following their link) and hands back what an admin can do next.
 */
export async function populatedRound(
  stack: LocalStack,
  people: Person[],
  settings: Record<string, unknown> = {},
  enrolled?: Awaited<ReturnType<typeof enrolVerified>>,
) {
  const call = apiClient(stack);
  const org = enrolled ?? (await enrolVerified(stack, { cadence: 'manual', ...settings }));
  const tag = `${++populations}${org.orgId.slice(4, 10)}`.toLowerCase();
  const emails = people.map((_, i) => `m${i}.${tag}@example.org`);
  const respondents = people.map(({ department, role, site }, i) => ({
    email: emails[i],
    ...(department ? { department } : {}),
    ...(role ? { role } : {}),
    ...(site ? { site } : {}),
  }));
  await call('PUT', `/v1/organisations/${org.orgId}/respondents`, {
    key: org.adminKey,
    json: { respondents },
  });
  const base = `/v1/organisations/${org.orgId}`;
  const get = async (path: string) => (await call('GET', `${base}${path}`, { key: org.adminKey })).json;

  /** Opens a round for the same people, mails their links, and gives what the admin can do with it. */
  async function openRound(population: Person[]) {
    const round = (await call('POST', `${base}/rounds`, { key: org.adminKey })).json.round;
    await runTick(stack.deps);
    const mails = await sentMail(stack);
    const links = emails.map((email) => {
      const mail = mails.find((m) => m.destination.to[0] === email && m.body.text.includes(round.id));
      return linkIn(mail?.body.text ?? '', /\/r\/[\w.-]+/);
    });
    return {
      org,
      roundId: round.id as string,
      emails,
      /** Person i answers what the population says they answer. */
      answer: (i: number, override: Partial<Person> = {}) =>
        answerAs(call, links[i] as string, { ...population[i], ...override }),
      answerAll: async () => {
        for (const [i, person] of population.entries())
          if (person.rank !== undefined) await answerAs(call, links[i] as string, person);
      },
      close: async () => {
        await call('POST', `${base}/rounds/${round.id}/close`, { key: org.adminKey });
        await runTick(stack.deps);
      },
      erase: (i: number) =>
        call('DELETE', `${base}/respondents/${encodeURIComponent(emails[i] as string)}`, {
          key: org.adminKey,
        }),
      reimport: (i: number) =>
        call('PUT', `${base}/respondents`, { key: org.adminKey, json: { respondents: [respondents[i]] } }),
      report: async () => (await get(`/rounds/${round.id}/report`)).report,
      csv: async () =>
        (await call('GET', `${base}/rounds/${round.id}/report?format=csv`, { key: org.adminKey })).text,
      comments: async () => (await get(`/rounds/${round.id}/comments`)).comments,
      view: async () => (await get(`/rounds/${round.id}`)).round,
      /** Records an action against this round, as the admin does after reading its report. */
      recordAction: async (action: Record<string, unknown>) => {
        const response = await call('POST', `${base}/rounds/${round.id}/actions`, {
          key: org.adminKey,
          json: action,
        });
        if (response.status !== 201) throw new Error(`action failed: ${response.status} ${response.text}`);
        return response.json.action.id as string;
      },
      /** The report mail the admin contact received for this round. */
      reportMail: async () =>
        (await sentMail(stack)).find(
          (m) =>
            m.destination.to[0] === org.contactEmail &&
            m.subject.startsWith('Rapport') &&
            m.body.text.includes(round.id),
        ),
      trend: async () => (await get('/report')).report,
      /** The next round, for the same people, answering as `next` says. */
      nextRound: (next: Person[]) => openRound(next),
    };
  }
  return openRound(people);
}

/** Every number in a JSON document, keyed by its path: what a reader can put into equations. */
export function numbersIn(value: unknown, path = ''): Map<string, number> {
  const found = new Map<string, number>();
  if (typeof value === 'number') found.set(path, value);
  else if (value && typeof value === 'object')
    for (const [key, inner] of Object.entries(value))
      for (const [p, n] of numbersIn(inner, path ? `${path}.${key}` : key)) found.set(p, n);
  return found;
}
