import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { itemSize } from './item-size.js';

const READS = new Set(['GetItemCommand', 'BatchGetItemCommand', 'QueryCommand', 'ScanCommand']);
const WRITES = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'BatchWriteItemCommand']);

export interface MeterReading {
  /** Commands sent (what the code asked for). */
  commands: number;
  /** HTTP round trips to DynamoDB, retries included. */
  roundTrips: number;
  readUnits: number;
  writeUnits: number;
  /** Milliseconds spent inside the SDK (marshalling, signing, the round trip), the rest being our code. */
  sdkMs: number;
  /** Reads asked for strongly consistent, and eventually consistent. */
  consistentReads: number;
  eventualReads: number;
  byCommand: Record<string, number>;
}

type Capacity = { CapacityUnits?: number };
type Item = Record<string, unknown>;
type Output = {
  Item?: Item;
  Items?: Item[];
  Responses?: Record<string, Item[]>;
  UnprocessedKeys?: Record<string, { Keys?: unknown[] }>;
};

/**
 * Read units as DynamoDB bills them: every item read rounded up to 4 KB, a key that finds nothing still one
 * unit, a query or scan its total size rounded up (at least one unit); half for eventually consistent reads.
 * (dynalite reports BatchGetItem at half and empty queries at zero, so reads are counted here instead.)
 */
function readUnitsOf(name: string, input: Record<string, unknown>, output: Output): number {
  const factor = (consistent: unknown) => (consistent ? 1 : 0.5);
  const units = (item: Item | undefined) => (item ? Math.max(1, Math.ceil(itemSize(item) / 4096)) : 1);
  if (name === 'GetItemCommand') return units(output.Item) * factor(input.ConsistentRead);
  if (name === 'BatchGetItemCommand') {
    let total = 0;
    const requests = input.RequestItems as Record<string, { Keys: unknown[]; ConsistentRead?: boolean }>;
    for (const [table, request] of Object.entries(requests)) {
      const found = output.Responses?.[table] ?? [];
      const missing =
        request.Keys.length - found.length - (output.UnprocessedKeys?.[table]?.Keys?.length ?? 0);
      total +=
        (found.reduce((sum, item) => sum + units(item), 0) + Math.max(0, missing)) *
        factor(request.ConsistentRead);
    }
    return total;
  }
  const bytes = (output.Items ?? []).reduce((sum, item) => sum + itemSize(item), 0);
  return Math.max(1, Math.ceil(bytes / 4096)) * factor(input.ConsistentRead);
}

/**
 * Adds two middlewares to a document client: one that asks every item command for ReturnConsumedCapacity
 * and sums what DynamoDB reports, and one inside the retry loop that counts HTTP round trips.
 */
export function meterClient(db: DynamoDBDocumentClient) {
  let reading: MeterReading = empty();
  db.middlewareStack.add(
    (next, context) => async (args) => {
      const name = String(context.commandName);
      const input = args.input as Record<string, unknown>;
      const metered = READS.has(name) || WRITES.has(name);
      if (metered) input.ReturnConsumedCapacity = 'TOTAL';
      reading.commands++;
      reading.byCommand[name] = (reading.byCommand[name] ?? 0) + 1;
      const start = performance.now();
      const result = await next(args).finally(() => {
        reading.sdkMs += performance.now() - start;
      });
      const consumed = (result.output as { ConsumedCapacity?: Capacity | Capacity[] }).ConsumedCapacity;
      const units = [consumed ?? []].flat().reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
      if (READS.has(name)) {
        reading.readUnits += readUnitsOf(name, input, result.output as Output);
        const requests = Object.values((input.RequestItems ?? { _: input }) as Record<string, Item>);
        for (const request of requests) {
          if (request.ConsistentRead) reading.consistentReads++;
          else reading.eventualReads++;
        }
      }
      if (WRITES.has(name)) reading.writeUnits += units;
      return result;
    },
    { step: 'initialize', name: 'benchCapacityMeter' },
  );
  db.middlewareStack.add(
    (next) => async (args) => {
      reading.roundTrips++;
      return next(args);
    },
    { step: 'deserialize', name: 'benchRoundTripCounter', priority: 'low' },
  );
  return {
    reset() {
      reading = empty();
    },
    read(): MeterReading {
      return { ...reading, byCommand: { ...reading.byCommand } };
    },
  };
}
export type Meter = ReturnType<typeof meterClient>;

function empty(): MeterReading {
  return {
    commands: 0,
    roundTrips: 0,
    readUnits: 0,
    writeUnits: 0,
    sdkMs: 0,
    consistentReads: 0,
    eventualReads: 0,
    byCommand: {},
  };
}
