import * as z from 'zod/mini';
import { singleLine } from '../schema-helpers.js';

export const ValueSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'Lower-case letters, digits and hyphens')),
  sv: singleLine(80),
  en: singleLine(80),
  customer: z._default(z.boolean(), false),
  limiting: z._default(z.boolean(), false),
});
export type Value = z.infer<typeof ValueSchema>;

/** An organisation's own list: 20 to 150 values, ids unique, at least one about the customer. */
export const CustomValueListSchema = z
  .strictObject({ values: z.array(ValueSchema).check(z.minLength(20), z.maxLength(150)) })
  .check(
    z.refine((list) => new Set(list.values.map((v) => v.id)).size === list.values.length, {
      message: 'Value ids must be unique',
      path: ['values'],
    }),
    z.refine((list) => list.values.some((v) => v.customer), {
      message: 'At least one value must be marked customer',
      path: ['values'],
    }),
  );

export interface ValueList {
  id: string;
  version: number;
  values: Value[];
}
