import type { ValueListStore } from '../../values/ports.js';
import type { ValueList } from '../../values/value-list.js';
import { copy } from './copy.js';

/** Value lists by organisation and id; a list is written once, never replaced (an upload is a new list). */
export function createMemoryValueListStore(): ValueListStore {
  const lists = new Map<string, ValueList>();
  return {
    async put(orgId, list) {
      if (lists.has(`${orgId}#${list.id}`)) throw new Error('A value list with this id exists');
      lists.set(`${orgId}#${list.id}`, copy(list));
    },
    async get(orgId, listId) {
      const list = lists.get(`${orgId}#${listId}`);
      return list && copy(list);
    },
  };
}
