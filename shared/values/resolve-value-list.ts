import type { Organisation } from '../organisations/organisation.js';
import { DEFAULT_VALUE_LIST } from './default-value-list.js';
import type { ValueListStore } from './ports.js';
import type { ValueList } from './value-list.js';

/** The list a new round freezes: none when values selection is off, else the organisation's own or the default. */
export async function resolveValueList(
  deps: { valueLists: ValueListStore },
  org: Organisation,
): Promise<ValueList | undefined> {
  if (!org.values.enabled) return undefined;
  const listId = org.values.listId;
  if (!listId || listId === DEFAULT_VALUE_LIST.id) return DEFAULT_VALUE_LIST;
  return (await deps.valueLists.get(org.id, listId)) ?? DEFAULT_VALUE_LIST;
}
