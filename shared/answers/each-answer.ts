import type { StoredAnswer } from './answer.js';
import type { AnswerStore } from './ports.js';

const PAGE = 1000;

/** Streams every answer of a round through `visit`, page by page, so memory stays flat whatever the round's size. */
export async function forEachAnswer(
  answers: AnswerStore,
  roundId: string,
  visit: (answer: StoredAnswer) => void,
): Promise<void> {
  let cursor: string | undefined;
  do {
    const page = await answers.page(roundId, cursor, PAGE);
    for (const answer of page.items) visit(answer);
    cursor = page.cursor;
  } while (cursor);
}
