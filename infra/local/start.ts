/** `npm start`: the whole service on this machine. Ctrl-C stops it; the data stays under DATA_DIR. */
import { runTick } from '../../shared/tick/run-tick.js';
import { wakeTick } from '../../shared/tick/tick-trigger.js';
import { startLocalStack } from './stack.js';

const env = process.env;
const port = Number(env.PORT ?? 3000);
const stack = await startLocalStack({
  port,
  dynamoPort: Number(env.DYNAMODB_PORT ?? 8000),
  sesPort: Number(env.SES_PORT ?? 8005),
  dataDir: env.DATA_DIR ?? '.data',
  publicUrl: env.PUBLIC_URL ?? `http://localhost:${port}`,
  env: Object.fromEntries(
    ['ENROLMENT_KEY', 'LOG_LEVEL', 'MAIL_RATE_PER_SECOND', 'TICK_BUDGET_SECONDS'].flatMap((name) =>
      env[name] ? [[name, env[name]]] : [],
    ),
  ),
});

console.log(`
Kundpuls is running.
  API               ${stack.config.publicUrl}   (docs: ${stack.config.publicUrl}/docs)
  DynamoDB          ${stack.dynamoEndpoint}   (dynalite, data in ${env.DATA_DIR ?? '.data'}/dynamodb)
  SES and its viewer ${stack.sesUrl}   (every e-mail sent; JSON at /store)
Press Ctrl-C to stop.
`);

// The scheduler: EventBridge rules run the tick Lambda on AWS; here a timer runs the same runTick, one at a
// time, when the in-process trigger says so: always while awake, between rounds only at the next due time.
const tickSeconds = Number(env.TICK_INTERVAL_SECONDS ?? 60);
const trigger = stack.tickTrigger;
// A start is a wake: the in-process trigger's mode does not outlive the process.
await wakeTick(stack.deps);
let ticking: Promise<unknown> | undefined;
const timer = setInterval(() => {
  if (!trigger.due(new Date())) return;
  ticking ??= runTick(stack.deps)
    .catch((error) => stack.deps.logger.error('tick failed', { error }))
    .finally(() => {
      ticking = undefined;
    });
}, tickSeconds * 1000);
console.log(
  `  Tick              every ${tickSeconds} s while rounds run, else at the next due time (npm run tick runs one now)\n`,
);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  console.log('Stopping…');
  clearInterval(timer);
  await ticking;
  await stack.close();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
