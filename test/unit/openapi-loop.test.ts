import { describe, expect, it } from 'vitest';
import { buildOpenApi } from '../../functions/api/route-table/openapi-document.js';
import { ROUTE_TABLE as OPERATIONS } from '../../functions/api/route-table/table.js';

describe('the OpenAPI document: the loop in the report', () => {
  it("describes the round report's actions, ideas, answeredByCode and the reason for an unreported segment", () => {
    const doc = buildOpenApi(OPERATIONS, 'https://kundpuls.example');
    const report = JSON.stringify(doc.paths['/v1/organisations/{orgId}/rounds/{roundId}/report']);

    for (const field of [
      'actions: [{ id, text, status, segment?, change:',
      'ideas: [{ word, mentions }]',
      'answeredByCode?',
      'not-a-reported-segment',
      'claims no cause',
      'action,<actionId>,,<metric>,<value>',
    ])
      expect(report).toContain(field);
  });
});
