import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for EventBridge's JSON API on loopback: it answers PutRule and records each call, so a Lambda
 * entry that names its tick rule (as on AWS) can run here. Point the SDK at it with
 * AWS_ENDPOINT_URL_EVENTBRIDGE. It does not keep the process alive.
 */
export async function startEventBridgeStandIn() {
  const calls: { action: string; input: Record<string, unknown> }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const action =
        String(req.headers['x-amz-target'] ?? '')
          .split('.')
          .pop() ?? '';
      calls.push({ action, input: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') });
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(
        JSON.stringify(
          action === 'PutRule' ? { RuleArn: 'arn:aws:events:eu-north-1:000000000000:rule/r' } : {},
        ),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls };
}
