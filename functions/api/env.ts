import type { Caller } from '../../shared/organisations/api-key.js';

/** `caller`: the key's organisation and role; `operator`: the request carries the enrolment key. */
export type AppEnv = { Variables: { caller: Caller; operator: boolean } };
