import type { TickTrigger } from '../../tick/ports.js';

export interface InProcessTickTrigger extends TickTrigger {
  /** Whether the local loop should run the tick now: always while awake, else once the next due time came. */
  due(now: Date): boolean;
  readonly mode: { everyMinute: true } | { everyMinute: false; at?: string };
}

/** The local stand-in for the tick's EventBridge rule: `npm start`'s loop asks it before each tick. */
export function createInProcessTickTrigger(): InProcessTickTrigger {
  let mode: InProcessTickTrigger['mode'] = { everyMinute: true };
  return {
    get mode() {
      return mode;
    },
    async everyMinute() {
      mode = { everyMinute: true };
    },
    async idleUntil(at) {
      mode = { everyMinute: false, at };
    },
    due(now) {
      return mode.everyMinute || (mode.at !== undefined && now.toISOString() >= mode.at);
    },
  };
}
