import type { Caller } from '../../shared/organisations/api-key.js';

export type AppEnv = { Variables: { caller: Caller } };
