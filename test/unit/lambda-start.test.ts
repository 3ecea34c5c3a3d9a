import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { onFirstInvocation } from '../../functions/first-invocation.js';
import { lazyMailer } from '../../shared/adapters/lazy.js';
import { extensionSecretReader } from '../../shared/adapters/ssm/extension-secret-reader.js';
import type { OutgoingMail } from '../../shared/mail/ports.js';
import { secretsWhenNeeded } from '../../shared/security/secrets.js';
import { startAnswersSettings } from '../../shared/settings/answers.js';

// The Parameters and Secrets extension's HTTP interface, as AWS documents it, on a local port.
const seen: IncomingMessage[] = [];
const parameters = new Map([['/kundpuls/prod/token-pepper', 'p'.repeat(43)]]);
const extension = createServer((request, response) => {
  seen.push(request);
  const url = new URL(request.url ?? '/', 'http://localhost');
  const value = parameters.get(url.searchParams.get('name') ?? '');
  if (request.headers['x-aws-parameters-secrets-token'] !== 'session-token') response.writeHead(401).end();
  else if (url.pathname !== '/systemsmanager/parameters/get' || value === undefined)
    response.writeHead(400).end();
  else
    response.end(
      JSON.stringify({
        Parameter: { Name: url.searchParams.get('name'), Type: 'SecureString', Value: value },
      }),
    );
});
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  await new Promise<void>((resolve) => extension.listen(0, '127.0.0.1', resolve));
  const { port } = extension.address() as AddressInfo;
  env = { PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: String(port), AWS_SESSION_TOKEN: 'session-token' };
});
afterAll(() => new Promise<void>((resolve) => extension.close(() => resolve())));

describe('the pepper through the Parameters and Secrets extension', () => {
  it('asks for the decrypted parameter with the session token and returns its value', async () => {
    const value = await extensionSecretReader(env)('/kundpuls/prod/token-pepper');

    expect(value).toBe('p'.repeat(43));
    const url = new URL(seen.at(-1)?.url ?? '', 'http://localhost');
    expect(url.searchParams.get('withDecryption')).toBe('true');
  });

  it('asks without fetch, whose first use in a process compiles undici (~60 ms of a cold start)', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new Error('fetch used')));
    try {
      await expect(extensionSecretReader(env)('/kundpuls/prod/token-pepper')).resolves.toBe('p'.repeat(43));
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('fails with the status, not a value, when the extension refuses', async () => {
    await expect(extensionSecretReader(env)('/kundpuls/prod/missing')).rejects.toThrow(/HTTP 400/);
    await expect(
      extensionSecretReader({ ...env, AWS_SESSION_TOKEN: 'stale' })('/kundpuls/prod/token-pepper'),
    ).rejects.toThrow(/HTTP 401/);
  });
});

describe('building a handler on its first invocation', () => {
  it('builds once for many invocations, and again after a failed build', async () => {
    let builds = 0;
    const handler = onFirstInvocation(async () => {
      builds++;
      if (builds === 1) throw new Error('extension not ready');
      return async (event: number) => event * 2;
    });

    await expect(handler(1)).rejects.toThrow('extension not ready');
    const answers = await Promise.all([handler(2), handler(3), handler(4)]);

    expect(answers).toEqual([4, 6, 8]);
    expect(builds).toBe(2);
  });
});

describe('the pepper read when first needed (decision 136)', () => {
  it('reads nothing until awaited, then once for every later use', async () => {
    let reads = 0;
    const secrets = secretsWhenNeeded(async () => {
      reads++;
      return 'p'.repeat(43);
    });
    const before = reads;

    const [one, two] = await Promise.all([secrets, secrets]);
    const three = await secrets;

    expect(before).toBe(0);
    expect(reads).toBe(1);
    expect(one?.hash('x')).toBe(three.hash('x'));
    expect(two).toBe(one);
  });

  it('does not keep a failed read: the next request reads again', async () => {
    let reads = 0;
    const secrets = secretsWhenNeeded(async () => {
      reads++;
      if (reads === 1) throw new Error('extension not ready');
      return 'p'.repeat(43);
    });

    await expect(Promise.resolve(secrets)).rejects.toThrow('extension not ready');
    const later = await secrets;

    expect(later.hash('x')).toHaveLength(64);
    expect(reads).toBe(2);
  });

  it('still fails the answer pages at load when no pepper can be had, not at their first POST', () => {
    expect(() => startAnswersSettings({ TABLE_NAME: 'kundpuls' })).toThrow(/TOKEN_PEPPER/);
    expect(() =>
      startAnswersSettings({ TABLE_NAME: 'kundpuls', TOKEN_PEPPER_PARAMETER: '/kundpuls/prod/token-pepper' }),
    ).toThrow(/TOKEN_PEPPER/);
  });
});

describe('the mailer loaded on first send', () => {
  const mail = {
    to: 'a@example.org',
    subject: 's',
    text: 't',
    html: '<p>t</p>',
    purpose: 'test',
  } as OutgoingMail;

  it('loads nothing until a mail goes, then loads once', async () => {
    let loads = 0;
    const sent: string[] = [];
    const mailer = lazyMailer(async () => {
      loads++;
      return {
        send: async (m) => {
          sent.push(m.to);
          return { messageId: `m${sent.length}` };
        },
      };
    });
    expect(loads).toBe(0);

    const results = await Promise.all([mailer.send(mail), mailer.send(mail)]);

    expect(loads).toBe(1);
    expect(results.map((r) => r.messageId).sort()).toEqual(['m1', 'm2']);
  });

  it('retries a failed load on the next send', async () => {
    let loads = 0;
    const mailer = lazyMailer(async () => {
      if (++loads === 1) throw new Error('load failed');
      return { send: async () => ({ messageId: 'ok' }) };
    });

    await expect(mailer.send(mail)).rejects.toThrow('load failed');
    await expect(mailer.send(mail)).resolves.toEqual({ messageId: 'ok' });
  });
});
