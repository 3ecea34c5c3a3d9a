import { notFound } from '../errors.js';
import type { Secrets } from '../security/secrets.js';
import { DEFAULT_VALUE_LIST } from './default-value-list.js';
import type { ValueListStore } from './ports.js';
import type { Value, ValueList } from './value-list.js';

/** Stores an organisation's own list under a new id: each upload is a new list, so rounds keep theirs. */
export async function uploadValueList(
  deps: { valueLists: ValueListStore; secrets: Secrets },
  orgId: string,
  values: Value[],
): Promise<ValueList> {
  const list = { id: deps.secrets.newId('vl'), version: 1, values };
  await deps.valueLists.put(orgId, list);
  return list;
}

/** One of the organisation's lists, or the default list by its id; 404 for any other. */
export async function readValueList(deps: { valueLists: ValueListStore }, orgId: string, listId: string) {
  const list =
    listId === DEFAULT_VALUE_LIST.id ? DEFAULT_VALUE_LIST : await deps.valueLists.get(orgId, listId);
  if (!list) throw notFound('Value list');
  return list;
}
