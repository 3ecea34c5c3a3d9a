import { once } from '../shared/adapters/lazy.js';

/**
 * Builds a Lambda handler on its first invocation and keeps it for the container's life. Production reads
 * the pepper from the Parameters and Secrets extension, which serves requests only once the function is
 * invoked; a failed build is not kept, so the next invocation tries again.
 */
export function onFirstInvocation<Event, Context, Result>(
  build: () => Promise<(event: Event, context?: Context) => Promise<Result>>,
): (event: Event, context?: Context) => Promise<Result> {
  const handler = once(build);
  return async (event, context) => (await handler())(event, context);
}
