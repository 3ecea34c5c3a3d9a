import type { SuppressionStore } from '../../respondents/ports.js';

/** Bounces and complaints for every organisation; unsubscribes per organisation, apart from the respondent. */
export function createMemorySuppressionStore(): SuppressionStore {
  const suppressed = new Set<string>();
  const unsubscribed = new Set<string>();
  const unsubscribedAmong = async (orgId: string, respondentKeys: string[]) =>
    new Set(respondentKeys.filter((key) => unsubscribed.has(`${orgId}#${key}`)));
  return {
    async suppress(respondentKey) {
      suppressed.add(respondentKey);
    },
    async unsubscribe(orgId, respondentKey) {
      unsubscribed.add(`${orgId}#${respondentKey}`);
    },
    async suppressedAmong(orgId, respondentKeys) {
      const unsubscribedHere = await unsubscribedAmong(orgId, respondentKeys);
      return new Set(respondentKeys.filter((key) => suppressed.has(key) || unsubscribedHere.has(key)));
    },
    unsubscribedAmong,
  };
}
