import { type AnswerInput, DONT_KNOW, type StoredAnswer } from '../../../shared/answers/answer.js';
import type { AnswerLink } from '../../../shared/answers/answer-link.js';
import { submitAnswer } from '../../../shared/answers/submit-answer.js';
import type { Segments } from '../../../shared/respondents/respondent.js';
import type { Secrets } from '../../../shared/security/secrets.js';

/**
 * An answer as a respondent's client posts it: "don't know" is the string the API reads (`null` in the domain's
 * input would read as a skipped place, and an answer with nothing else in it is refused as empty).
 */
export const answerBody = (input: AnswerInput): string =>
  JSON.stringify({ ...input, rank: input.rank === null ? DONT_KNOW : input.rank });

/** A small seeded PRNG (mulberry32): the same data on every run. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMON = `kunden behov tid service bemötande möten kvalitet ekonomi budget ledning personal arbetsmiljö
  rutiner system digitala tjänster väntetid svar telefon information samverkan uppdrag mål resultat kompetens
  utbildning förbättring fokus prioritering resurser styrning beslut politiker medarbetare chefer verksamheten
  ärenden handläggning tillgänglighet trygghet förtroende dialog återkoppling uppföljning krav regler lagar
  processer kostnader effektivitet omsorg vård skola`
  .split(/\s+/)
  .filter(Boolean);

/** Comment text with a realistic vocabulary: common words, a long tail, and some one-off words. */
export function commentGenerator(random: () => number) {
  const letters = 'abcdefghijklmnopqrstuvwxyzåäö';
  const word = (n: number) =>
    Array.from({ length: n }, () => letters[Math.floor(random() * letters.length)]).join('');
  const tail = Array.from({ length: 3000 }, () => word(4 + Math.floor(random() * 8)));
  return (words: number) =>
    Array.from({ length: words }, () => {
      const r = random();
      if (r < 0.6) return COMMON[Math.floor(random() ** 2 * COMMON.length)];
      if (r < 0.98) return tail[Math.floor(random() ** 3 * tail.length)];
      return word(6 + Math.floor(random() * 6));
    }).join(' ');
}

export const DEPARTMENTS = Array.from({ length: 12 }, (_, i) => `Avdelning ${i + 1}`);
export const SITES = ['Norr', 'Söder', 'Öster', 'Väster'];
export const ROLES = ['Chef', 'Handläggare', 'Specialist'];

export function segmentsFor(i: number): Segments {
  return {
    department: DEPARTMENTS[i % DEPARTMENTS.length] as string,
    site: SITES[i % SITES.length] as string,
    role: ROLES[i % ROLES.length] as string,
  };
}

/** What a respondent might answer: places around 40, some "don't know", comments of varied length. */
export function answerInputs(seed: number) {
  const random = prng(seed);
  const comment = commentGenerator(random);
  const text = (share: number) => (random() < share ? comment(5 + Math.floor(random() * 35)) : undefined);
  return (): AnswerInput => {
    const gauss = (random() + random() + random() - 1.5) * 30;
    return {
      rank: random() < 0.05 ? null : Math.min(100, Math.max(1, Math.round(40 + gauss))),
      rankReason: text(0.4),
      raiseIdeas: text(0.25),
      consequencesNow: text(0.15),
      consequencesIfRaised: text(0.15),
    };
  };
}

/**
 * The answer exactly as the answer path would store it, by running the real submitAnswer against stores that
 * only capture what they are given (the key, the shard and the item shape come from the product code).
 */
export async function storedAnswerOf(
  secrets: Secrets,
  link: { roundId: string; orgId: string; respondentKey: string; segments: Segments },
  input: AnswerInput,
): Promise<{ answer: StoredAnswer; invitation: { roundId: string; respondentKey: string } }> {
  let answer: StoredAnswer | undefined;
  let invitation: { roundId: string; respondentKey: string } | undefined;
  await submitAnswer(
    {
      secrets,
      answers: {
        put: async (a) => {
          answer = a;
        },
        page: async () => ({ items: [] }),
      },
      invitations: {
        markAnswered: async (roundId: string, respondentKey: string) => {
          invitation = { roundId, respondentKey };
          return true;
        },
      } as never,
    },
    {
      token: { kind: 'answer', tokenHash: '', expiresAt: '', ...link },
      round: { id: link.roundId, orgId: link.orgId } as AnswerLink['round'],
      open: true,
    },
    input,
  );
  if (!answer || !invitation) throw new Error('submitAnswer wrote nothing');
  return { answer, invitation };
}
