/** What every domain needs from outside, whatever its room: the time, and a page of a longer list. */

export interface Clock {
  now(): Date;
}

export interface Page<T> {
  items: T[];
  /** Opaque continuation; absent on the last page. */
  cursor?: string;
}
