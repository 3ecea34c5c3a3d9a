import * as z from 'zod/mini';

export const ValueListSchema = z.looseObject({
  id: z.string(),
  version: z.int(),
  values: z.array(
    z.looseObject({
      id: z.string(),
      sv: z.string(),
      en: z.string(),
      customer: z.boolean(),
      limiting: z.boolean(),
    }),
  ),
});

/** The first values of a list; a real list holds 20 to 150. */
export const VALUE_LIST_EXAMPLE = {
  id: 'vl_9aC1eG3iK5mO7qS9uW1yB3',
  version: 1,
  values: [
    { id: 'kund', sv: 'Kunden', en: 'The customer', customer: true, limiting: false },
    { id: 'budget', sv: 'Budgeten', en: 'The budget', customer: false, limiting: true },
  ],
};
