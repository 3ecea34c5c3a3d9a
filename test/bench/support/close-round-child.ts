/** Row 4's child: stores one closed round's figures in a fresh process and reports time and peak memory. */
import { localChoices } from '../../../infra/local/choices.js';
import { loadConfig } from '../../../shared/config.js';
import { createTickingDeps } from '../../../shared/deps.js';
import { storeRoundFigures } from '../../../shared/reports/store-round-figures.js';
import { childInput, memorySampler, reportResult, sampledAt } from './child.js';

const input = childInput<{ env: Record<string, string>; orgId: string; roundId: string }>();
const base = createTickingDeps(await loadConfig(input.env), localChoices());
const round = await base.rounds.get(input.orgId, input.roundId);
if (!round) throw new Error('round not found');
const memory = memorySampler();
const deps = {
  ...base,
  answers: sampledAt(base.answers, 'page', memory),
  invitations: sampledAt(base.invitations, 'page', memory),
};
const start = performance.now();
const report = await storeRoundFigures(deps, round);
const ms = performance.now() - start;
reportResult({ ms, answered: report.answered, invited: report.invited, memory: memory.stop() });
process.exit(0);
