import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ACCOUNT } from './assembly.js';
import type { AwsCall } from './iam.js';

export interface StandIn {
  url: string;
  close(): Promise<void>;
}

const readBody = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

/** The function that signed a request: each function runs with its logical id as its access key id. */
export const signerOf = (req: IncomingMessage) =>
  /Credential=([^/]+)\//.exec(req.headers.authorization ?? '')?.[1] ?? 'unsigned';

export async function listen(
  handle: (req: IncomingMessage, res: ServerResponse, body: Buffer) => void | Promise<void>,
  port = 0,
  host = '127.0.0.1',
): Promise<StandIn & { server: Server }> {
  const server = createServer((req, res) => {
    readBody(req)
      .then((body) => handle(req, res, body))
      .catch((error: Error) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(error.stack);
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    server,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A recording proxy in front of a local service (dynalite, aws-ses-v2-local): each request is classified
 * into the calls IAM would authorise, recorded, and passed on byte for byte.
 */
export function recordingProxy(
  targetUrl: string,
  classify: (req: IncomingMessage, body: Buffer) => Omit<AwsCall, 'functionId'>[],
  calls: AwsCall[],
) {
  const target = new URL(targetUrl);
  return listen(
    (req, res, body) =>
      new Promise<void>((resolve, reject) => {
        for (const call of classify(req, body)) calls.push({ functionId: signerOf(req), ...call });
        const forward = request(
          {
            host: target.hostname,
            port: target.port,
            method: req.method,
            path: req.url,
            headers: { ...req.headers, host: target.host },
          },
          (upstream) => {
            res.writeHead(upstream.statusCode ?? 502, upstream.headers);
            upstream.pipe(res).on('finish', resolve);
          },
        );
        forward.on('error', reject);
        forward.end(body);
      }),
  );
}

/** DynamoDB's JSON protocol: the action from X-Amz-Target, the table (and index) from the body. */
export function dynamoCall(region: string) {
  const tableArn = (name: string) => `arn:aws:dynamodb:${region}:${ACCOUNT}:table/${name}`;
  return (req: IncomingMessage, body: Buffer): Omit<AwsCall, 'functionId'>[] => {
    const action = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? 'unknown';
    const input = JSON.parse(body.toString('utf8') || '{}') as {
      TableName?: string;
      IndexName?: string;
      RequestItems?: Record<string, unknown>;
    };
    const tables = input.RequestItems ? Object.keys(input.RequestItems) : [input.TableName ?? '?'];
    const resources = tables.map((table) =>
      input.IndexName ? `${tableArn(table)}/index/${input.IndexName}` : tableArn(table),
    );
    return [{ action: `dynamodb:${action}`, resources }];
  };
}

/** SES v1's query protocol: SendRawEmail is authorised against the sender's identity and the configuration set. */
export function sesCall(region: string) {
  const arn = (resource: string) => `arn:aws:ses:${region}:${ACCOUNT}:${resource}`;
  return (_req: IncomingMessage, body: Buffer): Omit<AwsCall, 'functionId'>[] => {
    const form = new URLSearchParams(body.toString('utf8'));
    const action = form.get('Action') ?? 'unknown';
    const resources: string[] = [];
    const raw = form.get('RawMessage.Data');
    if (raw) {
      const from = /^From:.*?@([^>\s]+)>?\s*$/im.exec(Buffer.from(raw, 'base64').toString('utf8'))?.[1];
      resources.push(arn(`identity/${from ?? '?'}`));
    }
    const set = form.get('ConfigurationSetName');
    if (set) resources.push(arn(`configuration-set/${set}`));
    return [{ action: `ses:${action}`, resources }];
  };
}

/** A text End User Messaging SMS was asked to send, as the stand-in received it. */
export interface Text {
  to: string;
  body: string;
  messageType?: string;
  originationIdentity?: string;
  configurationSet?: string;
}

/**
 * End User Messaging SMS's JSON 1.0 protocol, as far as the SMS sender uses it: `SendTextMessage`, authorised
 * against the origination identity (an ARN) and the configuration set. Keeps each text, answers a message id.
 */
export function startSmsVoice(region: string, calls: AwsCall[], texts: Text[]) {
  const configurationSetArn = (name: string) =>
    `arn:aws:sms-voice:${region}:${ACCOUNT}:configuration-set/${name}`;
  return listen((req, res, body) => {
    const action = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? 'unknown';
    const input = JSON.parse(body.toString('utf8') || '{}') as {
      DestinationPhoneNumber?: string;
      MessageBody?: string;
      MessageType?: string;
      OriginationIdentity?: string;
      ConfigurationSetName?: string;
    };
    const resources = [
      ...(input.OriginationIdentity ? [input.OriginationIdentity] : []),
      ...(input.ConfigurationSetName ? [configurationSetArn(input.ConfigurationSetName)] : []),
    ];
    calls.push({ functionId: signerOf(req), action: `sms-voice:${action}`, resources });
    if (action !== 'SendTextMessage' || !input.DestinationPhoneNumber) {
      res.writeHead(400, { 'content-type': 'application/x-amz-json-1.0' });
      return void res.end(
        JSON.stringify({ __type: 'ValidationException', message: `unsupported ${action}` }),
      );
    }
    texts.push({
      to: input.DestinationPhoneNumber,
      body: input.MessageBody ?? '',
      messageType: input.MessageType,
      originationIdentity: input.OriginationIdentity,
      configurationSet: input.ConfigurationSetName,
    });
    res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
    res.end(JSON.stringify({ MessageId: `rehearsal-sms-${texts.length}` }));
  });
}

export interface RuleState {
  ScheduleExpression?: string;
  State?: string;
}

/** EventBridge's JSON 1.1 protocol, as far as the tick trigger uses it: rules by name, their schedule and state. */
export function startEventBridge(region: string, calls: AwsCall[], rules: Map<string, RuleState>) {
  const ruleArn = (name: string) => `arn:aws:events:${region}:${ACCOUNT}:rule/${name}`;
  return listen((req, res, body) => {
    const action = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? 'unknown';
    const input = JSON.parse(body.toString('utf8') || '{}') as RuleState & { Name: string };
    calls.push({ functionId: signerOf(req), action: `events:${action}`, resources: [ruleArn(input.Name)] });
    const rule = rules.get(input.Name) ?? {};
    if (action === 'PutRule') rules.set(input.Name, { ...rule, ...input });
    else if (action === 'EnableRule') rules.set(input.Name, { ...rule, State: 'ENABLED' });
    else if (action === 'DisableRule') rules.set(input.Name, { ...rule, State: 'DISABLED' });
    const answer = action === 'DescribeRule' ? { Name: input.Name, Arn: ruleArn(input.Name), ...rule } : {};
    res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
    res.end(JSON.stringify(action === 'PutRule' ? { RuleArn: ruleArn(input.Name) } : answer));
  });
}

/**
 * The AWS Parameters and Secrets extension's HTTP interface on the port the template names: it answers only
 * a request carrying a running function's session token, and fetches with that function's role.
 */
export async function startParametersExtension(
  port: number,
  region: string,
  sessions: Map<string, string>,
  parameters: Map<string, string>,
  calls: AwsCall[],
): Promise<StandIn> {
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const functionId = sessions.get(String(req.headers['x-aws-parameters-secrets-token'] ?? ''));
    if (!functionId) return void res.writeHead(401).end();
    const name = url.searchParams.get('name') ?? '';
    calls.push({
      functionId,
      action: 'ssm:GetParameter',
      resources: [`arn:aws:ssm:${region}:${ACCOUNT}:parameter${name.startsWith('/') ? '' : '/'}${name}`],
    });
    const value = parameters.get(name);
    if (url.pathname !== '/systemsmanager/parameters/get' || value === undefined)
      return void res.writeHead(400).end();
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ Parameter: { Name: name, Type: 'SecureString', Value: value, Version: 1 } }));
  };
  // `localhost` may resolve to either loopback address: answer on both, as the extension does.
  const servers = [await listenWhenFree(handle, port, '127.0.0.1')];
  try {
    servers.push(await listen(handle, port, '::1'));
  } catch {
    // No IPv6 loopback on this machine: 127.0.0.1 is then what localhost means.
  }
  return {
    url: `http://localhost:${port}`,
    close: async () => {
      for (const server of servers) await server.close();
    },
  };
}

/**
 * The extension's port is fixed by the template, so two rehearsals on one machine (two checkouts running
 * `npm test`) take turns for it instead of failing.
 */
async function listenWhenFree(handle: Parameters<typeof listen>[0], port: number, host: string) {
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      return await listen(handle, port, host);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
