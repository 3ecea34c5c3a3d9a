import type { StoredAnswer } from '../../answers/answer.js';
import type { AnswerStore } from '../../answers/ports.js';
import { decodeCursor } from '../cursor.js';
import { byKey, copy, pageOf } from './copy.js';

const HEX_KEY = /^[0-9a-f]{64}$/;

/** Answers by round and shard, each under its answer key: a second answer replaces the first. */
export function createMemoryAnswerStore(): AnswerStore {
  const partitions = new Map<string, Map<string, StoredAnswer>>();
  const of = (roundId: string, shard: number) => {
    const found = partitions.get(`${roundId}#${shard}`) ?? new Map<string, StoredAnswer>();
    partitions.set(`${roundId}#${shard}`, found);
    return found;
  };
  return {
    async put(answer) {
      of(answer.roundId, answer.shard).set(answer.answerKey, copy(answer));
    },
    async page(roundId, shard, cursor, limit) {
      // An unknown cursor starts over, as the table's adapter does.
      const known = cursor && decodeCursor(cursor, HEX_KEY) ? cursor : undefined;
      return pageOf(byKey(of(roundId, shard)), known, limit, HEX_KEY, () => {
        return new Error('Unknown answer cursor');
      });
    },
  };
}
