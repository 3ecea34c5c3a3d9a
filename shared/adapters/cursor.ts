/** Paging cursors as the adapters hand them out: the last key read, opaque to callers (base64url). */
export const encodeCursor = (value: string) => Buffer.from(value, 'utf8').toString('base64url');

/** The key a cursor holds, or undefined when it is not one this pattern allows (not a cursor we gave out). */
export function decodeCursor(cursor: string, pattern: RegExp): string | undefined {
  const value = Buffer.from(cursor, 'base64url').toString('utf8');
  return pattern.test(value) ? value : undefined;
}
