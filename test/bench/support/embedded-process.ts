/**
 * dynalite (in memory) and aws-ses-v2-local in a process of their own, so the code under test and the
 * embedded services do not share one event loop and what a child process measures is its own memory.
 */
import { startDynalite, startSes } from '../../../infra/local/embedded.js';

const dynamo = await startDynalite(0);
const ses = await startSes(0);
process.stdout.write(`READY ${JSON.stringify({ dynamoPort: dynamo.port, sesPort: ses.port })}\n`);

const stop = async () => {
  await ses.close();
  await dynamo.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.resume();
