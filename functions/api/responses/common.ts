import * as z from 'zod/mini';

/** Response schemas describe what the API sends; loose objects, so an added field breaks no client or test. */
export const Time = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T/, 'An ISO 8601 time'));
export const Share = z.number().check(z.gte(0), z.lte(1));
export const Count = z.int().check(z.gte(0));

/** Each figure or group not released, with its reason (`below-threshold`, `round-open`, …). */
export const WithheldSchema = z.record(z.string(), z.string());

export const CustomerTermSchema = z.looseObject({
  preset: z.optional(z.string()),
  sv: z.looseObject({ singular: z.string(), definite: z.string(), plural: z.string() }),
  en: z.looseObject({ singular: z.string(), plural: z.string() }),
});

/** `{ error: { code, message, details } }`: every error the API answers. */
export const ErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.looseObject({ path: z.string(), message: z.string(), code: z.optional(z.string()) })),
  }),
});

export const CUSTOMER_TERM_EXAMPLE = {
  preset: 'medborgare',
  sv: {
    singular: 'medborgare',
    definite: 'medborgaren',
    genitive: 'medborgarens',
    plural: 'medborgare',
    compound: 'medborgar',
  },
  en: { singular: 'citizen', plural: 'citizens' },
};
