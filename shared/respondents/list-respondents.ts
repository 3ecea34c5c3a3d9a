import type { RespondentStore } from './ports.js';
import { publicRespondent } from './respondent.js';

export async function listRespondents(
  deps: { respondents: RespondentStore },
  orgId: string,
  cursor: string | undefined,
  limit: number,
) {
  const page = await deps.respondents.list(orgId, cursor, limit);
  return {
    respondents: page.items.map(publicRespondent),
    ...(page.cursor ? { nextCursor: page.cursor } : {}),
  };
}
