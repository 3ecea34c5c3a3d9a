import type { Clock } from '../common-ports.js';
import type { Logger } from '../logger.js';
import type { OrganisationStore } from '../organisations/ports.js';
import type { TickStateStore, TickTrigger } from './ports.js';

export interface TickTriggerDeps {
  tickTrigger: TickTrigger;
  tickState: TickStateStore;
  clock: Clock;
}

/**
 * How long the tick stays awake after a wake: the API wakes it before it writes the work, so the request must
 * finish (≤ 30 s behind API Gateway) and the work-queue index catch up before an empty queue means idle.
 */
export const STAY_AWAKE_MS = 5 * 60_000;

/**
 * Called by the API before it writes work the tick must pick up (a round opened now, a new schedule): the
 * tick runs every minute again. Waking first and writing second means a crash in between costs a few idle
 * ticks, never a round nobody sends.
 */
export async function wakeTick(deps: TickTriggerDeps): Promise<void> {
  await deps.tickState.markWoken(deps.clock.now().toISOString());
  await deps.tickTrigger.everyMinute();
}

/** A tick never sleeps until an opening this close: the rule change must land before the time comes. */
export const MIN_SLEEP_MS = 2 * 60_000;

/**
 * After a tick: while any round is active or due, keep running every minute; between rounds, sleep until the
 * next scheduled opening, so a quiet month costs storage and nothing else. The sleep is a conditional write on
 * the wake time read here, and the state is read again after the trigger changed: a wake that lands at any
 * point in between always ends with the tick running every minute.
 */
export async function settleTickTrigger(
  deps: TickTriggerDeps & { organisations: OrganisationStore; logger: Logger },
  busy: boolean,
): Promise<'active' | 'idle'> {
  if (busy) {
    // Always, not only when the state says idle: a failed wake or a failed step after going to sleep can
    // leave the rule on its one-off while the state says awake, and a spent one-off never fires again.
    if ((await deps.tickState.get()).idle) await deps.tickState.markActive();
    await deps.tickTrigger.everyMinute();
    return 'active';
  }
  const state = await deps.tickState.get();
  const now = deps.clock.now().getTime();
  if (!state.idle) {
    if (state.wokenAt && now - new Date(state.wokenAt).getTime() < STAY_AWAKE_MS) return 'active';
    if (!(await deps.tickState.markIdle(state.wokenAt))) return 'active';
  }
  // Already idle yet running with nothing due (a rule enabled by hand, a restarted local loop): set it again.
  const nextDueAt = await deps.organisations.nextDueAt();
  if (nextDueAt && Date.parse(nextDueAt) - now < MIN_SLEEP_MS) {
    await deps.tickState.markActive();
    return 'active';
  }
  await deps.tickTrigger.idleUntil(nextDueAt);
  let after: Awaited<ReturnType<typeof deps.tickState.get>>;
  try {
    after = await deps.tickState.get();
  } catch (error) {
    // Cannot tell whether a wake landed: stay awake rather than risk sleeping through it.
    await deps.tickTrigger.everyMinute();
    throw error;
  }
  if (!after.idle) {
    // Woken while we went to sleep: the wake's own everyMinute may have landed before our idleUntil.
    await deps.tickTrigger.everyMinute();
    return 'active';
  }
  deps.logger.info('tick idle until the next scheduled round', { nextDueAt: nextDueAt ?? 'none' });
  return 'idle';
}
