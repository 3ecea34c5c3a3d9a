/** A link's token as stored, by its keyed hash: one that verifies an organisation, or one that opens an answer page. */

import type { Segments } from '../respondents/respondent.js';

export type TokenRecord =
  | { kind: 'verify'; tokenHash: string; orgId: string; expiresAt: string }
  | {
      kind: 'answer';
      tokenHash: string;
      orgId: string;
      roundId: string;
      respondentKey: string;
      segments: Segments;
      expiresAt: string;
      /** Set on a personal answer code's token (staff without e-mail), so the report can count code answers. */
      via?: 'code';
    };
