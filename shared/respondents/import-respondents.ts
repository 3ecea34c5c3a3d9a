import { parse } from 'csv-parse/sync';
import type { Clock } from '../common-ports.js';
import { type FieldIssue, validationFailed } from '../errors.js';
import type { Secrets } from '../security/secrets.js';
import { issuesOf } from '../validation.js';
import type { RespondentStore, SuppressionStore } from './ports.js';
import {
  CONTACT_FIELDS,
  ImportRespondentsSchema,
  MAX_IMPORT,
  type Respondent,
  type RespondentInput,
  SEGMENT_FIELDS,
} from './respondent.js';
import { identityOf, respondentKeyFor } from './respondent-identity.js';

interface ImportDeps {
  respondents: RespondentStore;
  suppressions: SuppressionStore;
  secrets: Secrets;
  clock: Clock;
}

/** CSV headers are case-insensitive; these map to the JSON fields' camelCase names. */
const CSV_COLUMNS: Record<string, string> = {
  employeeid: 'employeeId',
  employee_id: 'employeeId',
  'employee-id': 'employeeId',
};

/** Turns a CSV with a header row (email or employeeId, mobile, department, role, site) into the JSON body shape. */
export function respondentsFromCsv(csv: string): unknown {
  let rows: Record<string, string>[];
  try {
    rows = parse(csv, {
      columns: (header: string[]) =>
        header.map((h) => CSV_COLUMNS[h.trim().toLowerCase()] ?? h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      bom: true,
    });
  } catch (error) {
    throw validationFailed('The CSV could not be read', [
      { path: 'body', message: (error as Error).message },
    ]);
  }
  if (rows.length > MAX_IMPORT)
    throw validationFailed(`At most ${MAX_IMPORT} respondents a request`, [
      { path: 'respondents', message: `Got ${rows.length}` },
    ]);
  return {
    respondents: rows.map((row) =>
      Object.fromEntries(Object.entries(row).filter(([, value]) => value !== '')),
    ),
  };
}

function collapseDuplicates(inputs: RespondentInput[]): RespondentInput[] {
  const byEmail = new Map<string, { input: RespondentInput; index: number }>();
  const employeeIds = new Map<string, { identity: string; index: number }>();
  const problems: FieldIssue[] = [];
  for (const [index, input] of inputs.entries()) {
    const identity = identityOf(input);
    const sameEmployee = input.employeeId === undefined ? undefined : employeeIds.get(input.employeeId);
    if (sameEmployee && sameEmployee.identity !== identity)
      problems.push({
        path: `respondents.${index}.employeeId`,
        message: `Same employeeId as row ${sameEmployee.index}, another person`,
      });
    if (input.employeeId !== undefined && !sameEmployee)
      employeeIds.set(input.employeeId, { identity, index });
    const earlier = byEmail.get(identity);
    if (!earlier) {
      byEmail.set(identity, { input, index });
      continue;
    }
    if ([...SEGMENT_FIELDS, ...CONTACT_FIELDS].some((field) => earlier.input[field] !== input[field]))
      problems.push({
        path: `respondents.${index}.${input.email !== undefined ? 'email' : 'employeeId'}`,
        message: `Same person as row ${earlier.index} with other attributes`,
      });
  }
  if (problems.length > 0) throw validationFailed('The batch names one person twice in two ways', problems);
  return [...byEmail.values()].map(({ input }) => input);
}

/**
 * Imports up to 1,000 respondents, idempotent by normalised e-mail, or by employee id where there is none.
 * 1. validate every row (nothing is written if one is wrong)  2. collapse identical duplicates  3. read who
 * exists, and who unsubscribed from this organisation  4. write only what changed. Someone who unsubscribed
 * stays unsubscribed when imported again, even after their erasure: their choice is kept by the address's
 * keyed hash and outlives the staff list.
 */
export async function importRespondents(deps: ImportDeps, orgId: string, body: unknown) {
  const parsed = ImportRespondentsSchema.safeParse(body);
  if (!parsed.success) throw validationFailed('Some respondents are not valid', issuesOf(parsed.error));
  const inputs = collapseDuplicates(parsed.data.respondents);
  const now = deps.clock.now().toISOString();
  const counts = { created: 0, updated: 0, unchanged: 0 };
  for (let start = 0; start < inputs.length; start += 100) {
    const chunk = inputs
      .slice(start, start + 100)
      .map((input) => ({ input, key: respondentKeyFor(deps.secrets, input) }));
    const chunkKeys = chunk.map((entry) => entry.key);
    const [existing, unsubscribed] = await Promise.all([
      deps.respondents.getMany(orgId, chunkKeys),
      deps.suppressions.unsubscribedAmong(orgId, chunkKeys),
    ]);
    const writes: Respondent[] = [];
    for (const { input, key } of chunk) {
      const before = existing.get(key);
      const after: Respondent = {
        orgId,
        respondentKey: key,
        ...(input.email !== undefined ? { email: input.email } : {}),
        ...Object.fromEntries(
          [...CONTACT_FIELDS, ...SEGMENT_FIELDS]
            .filter((f) => input[f] !== undefined)
            .map((f) => [f, input[f]]),
        ),
        status: unsubscribed.has(key) ? 'unsubscribed' : (before?.status ?? 'active'),
        createdAt: before?.createdAt ?? now,
        updatedAt: now,
      };
      if (!before) counts.created++;
      else if (
        before.status !== after.status ||
        [...SEGMENT_FIELDS, ...CONTACT_FIELDS].some((field) => before[field] !== after[field])
      )
        counts.updated++;
      else {
        counts.unchanged++;
        continue;
      }
      writes.push(after);
    }
    await deps.respondents.putMany(writes);
  }
  return counts;
}
