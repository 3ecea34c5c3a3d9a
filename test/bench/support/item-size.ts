/**
 * An item's size as DynamoDB counts it for capacity and storage: attribute names plus values (strings in UTF-8,
 * numbers about one byte per two digits plus one, 1 byte for booleans and null, 3 bytes plus one per element
 * for maps and lists, sets as their members).
 */
export function itemSize(item: Record<string, unknown>): number {
  let size = 0;
  for (const [name, value] of Object.entries(item)) {
    if (value === undefined) continue;
    size += Buffer.byteLength(name) + valueSize(value);
  }
  return size;
}

function valueSize(value: unknown): number {
  if (value === null || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return Buffer.byteLength(value);
  if (typeof value === 'number')
    return Math.ceil(String(Math.abs(value)).replace(/[.-]/g, '').length / 2) + 1;
  if (value instanceof Uint8Array) return value.byteLength;
  if (value instanceof Set) return [...value].reduce((sum: number, member) => sum + valueSize(member), 0);
  if (Array.isArray(value)) return 3 + value.reduce((sum: number, member) => sum + 1 + valueSize(member), 0);
  if (typeof value === 'object')
    return 3 + itemSize(value as Record<string, unknown>) + Object.keys(value).length;
  return 0;
}

/** Write capacity units for one write of an item of this size (1 per KB started). */
export const writeUnits = (bytes: number) => Math.max(1, Math.ceil(bytes / 1024));
/** Read capacity units for one strongly consistent read (1 per 4 KB started; half for eventually consistent). */
export const readUnits = (bytes: number) => Math.max(1, Math.ceil(bytes / 4096));
