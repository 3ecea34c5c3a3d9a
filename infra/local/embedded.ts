import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import sesLocal from 'aws-ses-v2-local';
import dynalite from 'dynalite';
import { tableDefinition } from '../../shared/adapters/dynamodb/table-definition.js';

export interface Embedded {
  port: number;
  close(): Promise<void>;
}

const closeServer = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections?.();
    server.close(() => resolve());
  });

/** dynalite on loopback; with `path` the data lives in LevelDB on disk and survives a restart. */
export async function startDynalite(port: number, path?: string): Promise<Embedded> {
  if (path) mkdirSync(path, { recursive: true });
  const server: Server = dynalite({
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
    ...(path ? { path } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return { port: (server.address() as AddressInfo).port, close: () => closeServer(server) };
}

/** Creates the table unless it is already there (a restart keeps the data). */
export async function ensureTable(endpoint: string, tableName: string): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
  } catch (error) {
    if ((error as Error).name !== 'ResourceNotFoundException') throw error;
    await client.send(new CreateTableCommand(tableDefinition(tableName)));
    // dynalite answers "not found" to writes while a new table is CREATING, if only for a moment.
    await waitUntilTableExists(
      { client, maxWaitTime: 30, minDelay: 1, maxDelay: 1 },
      { TableName: tableName },
    );
  } finally {
    client.destroy();
  }
}

/** aws-ses-v2-local: the SES API, a viewer at `/`, and every sent mail at `/store`. */
export async function startSes(port: number): Promise<Embedded> {
  // The package is CommonJS: under tsx/Node its default export may arrive wrapped once more.
  const start = ((sesLocal as unknown as { default?: typeof sesLocal }).default ??
    sesLocal) as unknown as (options: { port: number; host?: string }) => Promise<Server>;
  const server = await start({ port, host: '127.0.0.1' });
  return { port: (server.address() as AddressInfo).port, close: () => closeServer(server) };
}
