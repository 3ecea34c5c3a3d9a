/**
 * The longest valid value of each kind of path segment: ids (org_, rnd_, key_, value lists: at most 44), answer
 * and verification links (org.round.secret: at most 133), a respondent's e-mail (254). Anything longer names
 * nothing: `request-guards.ts` answers 404 for it before anything is read.
 */
export const LONGEST = { id: 64, link: 140, email: 254 } as const;
