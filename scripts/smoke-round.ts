/**
 * A round against a running stage, through its public HTTP API only, with a throwaway organisation:
 * 1. the API answers  2. enrol  3. verify through the mailed link (read from a mailbox, or pasted)
 * 4. import respondents (SES mailbox-simulator addresses by default)  5. open a round
 * 6. wait until the tick has invited everyone  7. answer each invitation (only with a mailbox to read them)
 * 8. close, and wait for the report  9. read it as JSON and CSV with an analyst key
 * 10. always, even after a failure: erase every respondent and revoke the analyst key.
 */
export interface SmokeOptions {
  url: string;
  /** The contact address; its verification mail must be read by someone (or a mailbox). */
  contact: string;
  respondents: string[];
  /** An aws-ses-v2-local style `/store` to read mail from (local stages); on AWS the link is pasted instead. */
  mailbox?: string;
  /** Asked for the verification link when there is no mailbox. */
  askForLink?: (contact: string) => Promise<string>;
  enrolmentKey?: string;
  timeoutMs: number;
  pollMs: number;
  log: (line: string) => void;
}

export interface SmokeResult {
  orgId?: string;
  roundId?: string;
  invited?: number;
  answered?: number;
  erased: number;
}

/** A failed smoke test, with what it had done: the organisation to look at, how many respondents it erased. */
export class SmokeFailure extends Error {
  constructor(
    message: string,
    readonly result: SmokeResult,
  ) {
    super(message);
  }
}

interface StoredMail {
  destination: { to: string[] };
  body: { text: string };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runSmoke(options: SmokeOptions): Promise<SmokeResult> {
  const base = options.url.replace(/\/$/, '');
  const result: SmokeResult = { erased: 0 };
  const call = async (method: string, path: string, key?: string, json?: unknown, expected = [200]) => {
    const headers: Record<string, string> = {};
    if (key) headers.authorization = `Bearer ${key}`;
    if (json !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(path.startsWith('http') ? path : `${base}${path}`, {
      method,
      headers,
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    const text = await response.text();
    if (!expected.includes(response.status))
      throw new Error(
        `${method} ${path.replace(/\/r\/.*|\/verify\/.*/, '/…')}: HTTP ${response.status} ${text.slice(0, 300)}`,
      );
    return { status: response.status, text, json: () => JSON.parse(text) };
  };
  const step = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const start = Date.now();
    const value = await run();
    options.log(`ok   ${name} (${Date.now() - start} ms)`);
    return value;
  };
  const until = async <T>(what: string, probe: () => Promise<T | undefined>): Promise<T> => {
    const deadline = Date.now() + options.timeoutMs;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await sleep(options.pollMs);
    }
  };
  const mails = async () =>
    options.mailbox ? ((await (await fetch(options.mailbox)).json()) as { emails: StoredMail[] }).emails : [];
  const linkIn = async (to: string, pattern: RegExp) =>
    until(`a mail to ${to}`, async () => {
      for (const mail of (await mails()).reverse())
        if (mail.destination.to.includes(to)) return pattern.exec(mail.body.text)?.[0];
      return undefined;
    });

  let adminKey: string | undefined;
  let analystKeyId: string | undefined;
  try {
    await step('the API answers', () => call('GET', '/v1/openapi.json'));
    const created = await step('enrol a throwaway organisation', () =>
      call(
        'POST',
        '/v1/organisations',
        options.enrolmentKey,
        {
          name: `Smoke test ${new Date().toISOString()}`,
          contactEmail: options.contact,
          language: 'en',
          anonymityThreshold: 3,
          commentThreshold: 3,
        },
        [201],
      ).then((r) => r.json()),
    );
    const orgId = created.organisation.id as string;
    result.orgId = orgId;
    adminKey = created.adminKey as string;
    await step('verify it through the mailed link', async () => {
      const link = options.mailbox
        ? await linkIn(options.contact, /https?:\/\/\S+\/verify\/[\w-]+/)
        : await (options.askForLink ?? missingLink)(options.contact);
      await call('GET', link);
      await call('POST', link);
    });
    const org = `/v1/organisations/${orgId}`;
    await step(`import ${options.respondents.length} respondents`, () =>
      call('PUT', `${org}/respondents`, adminKey, {
        respondents: options.respondents.map((email) => ({ email })),
      }),
    );
    const roundId = await step(
      'open a round',
      async () => (await call('POST', `${org}/rounds`, adminKey, undefined, [201])).json().round.id as string,
    );
    result.roundId = roundId;
    result.invited = await step('the tick invites everyone', () =>
      until('the invitations', async () => {
        const { round } = (await call('GET', `${org}/rounds/${roundId}`, adminKey)).json();
        return round.invited === options.respondents.length ? (round.invited as number) : undefined;
      }),
    );
    if (options.mailbox) {
      await step('answer every invitation through its link', async () => {
        for (const to of options.respondents) {
          const link = await linkIn(to, /https?:\/\/\S+\/r\/[\w.-]+/);
          await call('GET', link);
          await call('POST', link, undefined, { rank: 10 });
        }
      });
    } else options.log('skip answering: on AWS the invitations go to the SES mailbox simulator');
    await step('close the round and wait for its report', async () => {
      await call('POST', `${org}/rounds/${roundId}/close`, adminKey);
      await until('the report', async () => {
        const response = await call(
          'GET',
          `${org}/rounds/${roundId}/report`,
          adminKey,
          undefined,
          [200, 404, 409],
        );
        return response.status === 200 ? true : undefined;
      });
    });
    const analyst = await step('create an analyst key', async () =>
      (await call('POST', `${org}/keys`, adminKey, { role: 'analyst' }, [201])).json(),
    );
    analystKeyId = analyst.id;
    await step('read the report as JSON and CSV with it', async () => {
      const { report } = (await call('GET', `${org}/rounds/${roundId}/report`, analyst.key)).json();
      result.answered = report.answered;
      await call('GET', `${org}/rounds/${roundId}/report?format=csv`, analyst.key);
    });
  } catch (error) {
    if (adminKey && result.orgId) await cleanUp(result.orgId, adminKey);
    throw new SmokeFailure((error as Error).message, result);
  }
  if (adminKey && result.orgId) await cleanUp(result.orgId, adminKey);
  return result;

  async function cleanUp(orgId: string, key: string) {
    const org = `/v1/organisations/${orgId}`;
    await step('erase every respondent', async () => {
      for (const email of options.respondents) {
        const response = await call(
          'DELETE',
          `${org}/respondents/${encodeURIComponent(email)}`,
          key,
          undefined,
          [204, 404],
        );
        if (response.status === 204) result.erased++;
      }
    });
    if (analystKeyId)
      await step('revoke the analyst key', () =>
        call('DELETE', `${org}/keys/${analystKeyId}`, key, undefined, [204]),
      );
  }
}

async function missingLink(contact: string): Promise<string> {
  throw new Error(
    `no mailbox to read ${contact}'s verification link from: pass --mailbox, or run in a terminal`,
  );
}
