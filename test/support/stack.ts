import { afterAll, beforeAll } from 'vitest';
import { type LocalStack, type LocalStackOptions, startLocalStack } from '../../infra/local/stack.js';

/** A whole local stack on free ports, in memory: one per test file. */
export function startTestStack(options: Partial<LocalStackOptions> = {}): Promise<LocalStack> {
  return startLocalStack({
    port: 0,
    dynamoPort: 0,
    sesPort: 0,
    ...options,
    env: { LOG_LEVEL: 'silent', ...options.env },
  });
}

/** One stack for a test file: started before its tests, closed after them; `call` speaks to its API. */
export function stackForFile(options: Partial<LocalStackOptions> = {}) {
  const file = {} as { stack: LocalStack; call: ReturnType<typeof apiClient> };
  beforeAll(async () => {
    file.stack = await startTestStack(options);
    file.call = apiClient(file.stack);
  });
  afterAll(() => file.stack?.close());
  return file;
}

export interface StoredMail {
  messageId: string;
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { text: string; html: string };
  attachments: { contentType: string; filename: string; size: number; content: string }[];
}

export async function sentMail(stack: LocalStack): Promise<StoredMail[]> {
  const response = await fetch(`${stack.sesUrl}/store`);
  return ((await response.json()) as { emails: StoredMail[] }).emails;
}

export async function clearMail(stack: LocalStack): Promise<void> {
  await fetch(`${stack.sesUrl}/clear-store`, { method: 'POST' });
}

/** A small HTTP client for the stack's API. */
export function apiClient(stack: LocalStack) {
  return async function call(
    method: string,
    path: string,
    options: {
      key?: string;
      json?: unknown;
      body?: string;
      type?: string;
      headers?: Record<string, string>;
    } = {},
  ) {
    const headers: Record<string, string> = { ...options.headers };
    if (options.key) headers.authorization = `Bearer ${options.key}`;
    let body: string | undefined = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] = 'application/json';
    }
    if (options.type) headers['content-type'] = options.type;
    const response = await fetch(`${stack.apiUrl}${path}`, { method, headers, body, redirect: 'manual' });
    const text = await response.text();
    // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON bodies
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, json, text, headers: response.headers };
  };
}

export function linkIn(text: string, pattern: RegExp): string {
  const match = pattern.exec(text);
  if (!match) throw new Error(`No link matching ${pattern} in:\n${text}`);
  return match[0];
}
