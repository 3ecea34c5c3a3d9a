// One Lambda function in its own process: imports the bundle CDK staged (`index.mjs`, as the Node.js runtime
// does at init) and answers invocations the rehearsal sends over the IPC channel, one at a time, as one
// Lambda instance does. The only thing it adds is a clock the rehearsal can move forward, for the days a
// round takes; everything else is the function's own bundle and the environment its template gives it.
import { pathToFileURL } from 'node:url';

const RealDate = Date;
let offsetMs = 0;
globalThis.Date = class extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + offsetMs);
    else super(...args);
  }
  static now() {
    return RealDate.now() + offsetMs;
  }
};
// The IPC channel's variables are the harness's, not the function's: its environment stays the template's.
delete process.env.NODE_CHANNEL_FD;
delete process.env.NODE_CHANNEL_SERIALIZATION_MODE;

const [bundle, functionName, timeoutSeconds] = process.argv.slice(2);
const { handler } = await import(pathToFileURL(bundle).href);

process.on('message', async ({ id, event, clockOffsetMs, requestId }) => {
  offsetMs = clockOffsetMs;
  const deadline = RealDate.now() + Number(timeoutSeconds) * 1000;
  const context = {
    awsRequestId: requestId,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${process.env.AWS_REGION}:123456789012:function:${functionName}`,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => deadline - RealDate.now(),
  };
  try {
    process.send({ id, result: await handler(event, context) });
  } catch (error) {
    process.send({ id, error: { name: error?.name, message: error?.message, stack: error?.stack } });
  }
});
// Orphaned (the rehearsal died): end with it, as Lambda ends an instance nobody invokes.
process.on('disconnect', () => process.exit(0));
process.send({ ready: true });
