import type { ValueList } from './value-list.js';

/** An organisation's own value lists. Versioned by id: an upload is a new list, never an edit of a used one. */
export interface ValueListStore {
  put(orgId: string, list: ValueList): Promise<void>;
  get(orgId: string, listId: string): Promise<ValueList | undefined>;
}
