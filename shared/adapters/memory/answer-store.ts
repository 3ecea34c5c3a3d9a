import type { StoredAnswer } from '../../answers/answer.js';
import type { AnswerStore } from '../../answers/ports.js';
import { byKey, copy, pageOf } from './copy.js';

/** A round's answers, each under its answer key: a second answer replaces the first. */
export function createMemoryAnswerStore(): AnswerStore {
  const rounds = new Map<string, Map<string, StoredAnswer>>();
  const of = (roundId: string) => {
    const found = rounds.get(roundId) ?? new Map<string, StoredAnswer>();
    rounds.set(roundId, found);
    return found;
  };
  return {
    async put(answer) {
      of(answer.roundId).set(answer.answerKey, copy(answer));
    },
    async page(roundId, cursor, limit) {
      return pageOf(byKey(of(roundId)), cursor, limit, /^[0-9a-f]{64}$/, () => {
        return new Error('Unknown answer cursor');
      });
    },
  };
}
