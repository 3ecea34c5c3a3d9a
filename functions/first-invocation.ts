import { once } from '../shared/adapters/lazy.js';
import { logInvocation, processLog } from '../shared/adapters/logging/json-logger.js';

/**
 * Builds a Lambda handler on its first invocation and keeps it for the container's life. Production reads
 * the pepper from the Parameters and Secrets extension, which serves requests only once the function is
 * invoked; a failed build is not kept, so the next invocation tries again. Every invocation's log lines carry
 * its request ids, the function and the cold start; a failure is logged with them before Lambda sees it.
 */
export function onFirstInvocation<
  Event,
  Context extends { functionName: string; awsRequestId: string },
  Result,
>(
  build: () => Promise<(event: Event, context?: Context) => Promise<Result>>,
): (event: Event, context?: Context) => Promise<Result> {
  const handler = once(build);
  return async (event, context) => {
    logInvocation(event, context);
    try {
      return await (await handler())(event, context);
    } catch (error) {
      processLog.error('invocation failed', { error });
      throw error;
    }
  };
}
