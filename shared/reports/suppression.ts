/**
 * Which groups of one dimension to hide so that no group under the threshold can be read off, directly or by
 * subtracting the shown groups from the total (complementary suppression): while the hidden groups together
 * hold fewer than k answers (but more than none), the smallest shown group is hidden too.
 */
export function groupsToHide(counts: Map<string, number>, threshold: number): Set<string> {
  const hidden = new Set([...counts].filter(([, n]) => n < threshold).map(([group]) => group));
  const hiddenTotal = () => [...hidden].reduce((sum, group) => sum + (counts.get(group) ?? 0), 0);
  const shownBySize = [...counts]
    .filter(([group]) => !hidden.has(group))
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
  while (hiddenTotal() > 0 && hiddenTotal() < threshold && shownBySize.length > 0) {
    hidden.add((shownBySize.shift() as [string, number])[0]);
  }
  return hidden;
}
