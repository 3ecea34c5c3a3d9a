import type { TickDeps } from '../../shared/tick/tick-deps.js';

export class Killed extends Error {
  override name = 'Killed';
}

const PORTS = [
  'organisations',
  'rounds',
  'invitations',
  'respondents',
  'suppressions',
  'tokens',
  'answers',
  'reports',
  'benchmarks',
  'valueLists',
  'mailer',
] as const;

/**
 * Deps whose every port call counts, and that "die" at call number `killAt`: before the call takes effect or
 * right after it did. From then on every call fails, as in a process that was killed.
 */
export function chaosDeps(deps: TickDeps, killAt: number, when: 'before' | 'after') {
  let calls = 0;
  let dead = false;
  const record = { killedIn: '' };
  const wrap = <T extends object>(name: string, port: T): T =>
    new Proxy(port, {
      get(target, property, receiver) {
        const original = Reflect.get(target, property, receiver);
        if (typeof original !== 'function') return original;
        return async (...args: unknown[]) => {
          if (dead) throw new Killed();
          calls++;
          if (calls === killAt && when === 'before') {
            dead = true;
            record.killedIn = `${name}.${String(property)}`;
            throw new Killed();
          }
          const result = await original.apply(target, args);
          if (calls === killAt && when === 'after') {
            dead = true;
            record.killedIn = `${name}.${String(property)}`;
            throw new Killed();
          }
          return result;
        };
      },
    });
  const wrapped = { ...deps } as Record<string, unknown>;
  for (const port of PORTS) wrapped[port] = wrap(port, deps[port] as object);
  return { deps: wrapped as unknown as TickDeps, record, calls: () => calls };
}
