import { validationFailed } from '../../errors.js';
import type { RespondentStore } from '../../respondents/ports.js';
import type { Respondent } from '../../respondents/respondent.js';
import { byKey, copy, pageOf } from './copy.js';

export function createMemoryRespondentStore(): RespondentStore {
  const byOrg = new Map<string, Map<string, Respondent>>();
  const of = (orgId: string) => {
    const found = byOrg.get(orgId) ?? new Map<string, Respondent>();
    byOrg.set(orgId, found);
    return found;
  };
  return {
    async getMany(orgId, respondentKeys) {
      const found = new Map<string, Respondent>();
      for (const key of respondentKeys) {
        const respondent = of(orgId).get(key);
        if (respondent) found.set(key, copy(respondent));
      }
      return found;
    },
    async putMany(respondents) {
      for (const respondent of respondents)
        of(respondent.orgId).set(respondent.respondentKey, copy(respondent));
    },
    async list(orgId, cursor, limit) {
      return pageOf(byKey(of(orgId)), cursor, limit, /^[0-9a-f]{64}$/, () =>
        validationFailed('Unknown cursor', [{ path: 'cursor', message: 'Not a cursor this API gave out' }]),
      );
    },
    async get(orgId, respondentKey) {
      const respondent = of(orgId).get(respondentKey);
      return respondent && copy(respondent);
    },
    async delete(orgId, respondentKey) {
      return of(orgId).delete(respondentKey);
    },
    async setStatus(orgId, respondentKey, status, at) {
      const respondent = of(orgId).get(respondentKey);
      if (!respondent) return false;
      Object.assign(respondent, { status, updatedAt: at });
      return true;
    },
  };
}
