/**
 * Why a figure is not released. Every withheld figure or group is named in a report's `withheld` map with one:
 * - `round-open`: results come only after the round closes; while it runs, only invited and answered counts.
 * - `below-threshold`: fewer than k answers (or, for comments, fewer than the comment threshold of writers).
 * - `too-few-places`: at least k answers, but fewer than k of them give a place (the rest "don't know").
 * - `differencing`: the group is large enough, but its people sit in cells (department × role × site) too small
 *   to release: its figures together with other segments' would narrow down fewer than k people.
 * - `participation`: a response rate is shown only for groups with at least k who answered and k who did not.
 * - `no-previous-round`: a change needs a previous round with the same figure released.
 * - `not-a-reported-segment`: an action's segment is none the report lists (several dimensions at once, or a
 *   value no answer carried), so nothing is derived for it.
 */
export type WithheldReason =
  | 'round-open'
  | 'below-threshold'
  | 'too-few-places'
  | 'differencing'
  | 'participation'
  | 'no-previous-round'
  | 'not-a-reported-segment';

export type Withheld = Record<string, WithheldReason>;
