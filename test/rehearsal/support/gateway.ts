import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { type CfnTemplate, resourcesOfType } from './assembly.js';
import { listen } from './stand-ins.js';

export interface Route {
  routeKey: string;
  method?: string;
  pattern?: RegExp;
  functionId: string;
}

/** The HTTP API's routes as the template declares them: route key → integration → function. */
export function routesOf(template: CfnTemplate): Route[] {
  const integrations = new Map(
    resourcesOfType(template, 'AWS::ApiGatewayV2::Integration').map(([id, resource]) => {
      const uri = resource.Properties?.IntegrationUri as { 'Fn::GetAtt': [string, string] };
      if (resource.Properties?.PayloadFormatVersion !== '2.0') throw new Error(`${id} is not payload 2.0`);
      return [id, uri['Fn::GetAtt'][0]];
    }),
  );
  return resourcesOfType(template, 'AWS::ApiGatewayV2::Route').map(([, resource]) => {
    const routeKey = resource.Properties?.RouteKey as string;
    const join = resource.Properties?.Target as
      | { 'Fn::Join': [string, [string, { Ref: string }]] }
      | undefined;
    const target = join?.['Fn::Join'][1][1].Ref;
    const functionId = integrations.get(target ?? '') as string;
    if (!functionId) throw new Error(`route ${routeKey} has no Lambda integration`);
    if (routeKey === '$default') return { routeKey, functionId };
    const [method, path] = routeKey.split(' ') as [string, string];
    const pattern = new RegExp(
      `^${path.replace(/\{(\w+)\+\}/g, '(?<$1>.+)').replace(/\{(\w+)\}/g, '(?<$1>[^/]+)')}$`,
    );
    return { routeKey, method, pattern, functionId };
  });
}

/** HTTP API's rule: the most specific matching route wins, `$default` when none matches. */
function match(routes: Route[], method: string, path: string) {
  for (const route of routes) {
    if (route.routeKey === '$default' || (route.method !== method && route.method !== 'ANY')) continue;
    const found = route.pattern?.exec(path);
    if (found) return { route, pathParameters: { ...found.groups } };
  }
  const fallback = routes.find((route) => route.routeKey === '$default');
  return fallback ? { route: fallback, pathParameters: undefined } : undefined;
}

const TEXT = /^(text\/|application\/(json|x-www-form-urlencoded|xml|javascript))/;

/** The request as API Gateway's HTTP API delivers it to a Lambda integration (payload format 2.0). */
export function httpApiEvent(req: IncomingMessage, body: Buffer, routeKey: string, pathParameters?: object) {
  const url = new URL(req.url ?? '/', 'http://gateway');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers))
    if (value !== undefined && name !== 'cookie')
      headers[name] = Array.isArray(value) ? value.join(',') : value;
  const now = new Date();
  const text = TEXT.test(headers['content-type'] ?? 'text/plain');
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    ...(req.headers.cookie ? { cookies: req.headers.cookie.split('; ') } : {}),
    headers,
    ...(url.search ? { queryStringParameters: Object.fromEntries(url.searchParams) } : {}),
    requestContext: {
      accountId: '123456789012',
      apiId: 'rehearsal',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'rehearsal',
      http: {
        method: req.method ?? 'GET',
        path: url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(pathParameters ? { pathParameters } : {}),
    ...(body.length > 0 ? { body: body.toString(text ? 'utf8' : 'base64') } : {}),
    isBase64Encoded: body.length > 0 && !text,
  };
}

interface LambdaResult {
  statusCode?: number;
  headers?: Record<string, string>;
  cookies?: string[];
  body?: string;
  isBase64Encoded?: boolean;
}

/** A local HTTP API: routes each request as the template says and turns the function's result into a response. */
export function startGateway(
  routes: Route[],
  invoke: (functionId: string, event: unknown) => Promise<unknown>,
  onRequest: (route: Route) => void = () => {},
) {
  return listen(async (req, res, body) => {
    const url = new URL(req.url ?? '/', 'http://gateway');
    const found = match(routes, req.method ?? 'GET', url.pathname);
    if (!found)
      return void res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}');
    onRequest(found.route);
    let result: LambdaResult;
    try {
      result = (await invoke(
        found.route.functionId,
        httpApiEvent(req, body, found.route.routeKey, found.pathParameters),
      )) as LambdaResult;
    } catch {
      // What API Gateway answers when the integration fails; the function's logs hold the error.
      res.writeHead(500, { 'content-type': 'application/json' });
      return void res.end('{"message":"Internal Server Error"}');
    }
    const headers: Record<string, string | string[]> = { ...result.headers };
    if (result.cookies?.length) headers['set-cookie'] = result.cookies;
    res.writeHead(result.statusCode ?? 200, headers);
    res.end(
      result.body === undefined
        ? undefined
        : Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8'),
    );
  });
}
