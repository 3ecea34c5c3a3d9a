import * as z from 'zod/mini';
import { type CustomerTerm, PRESET_TERMS, PRESETS, swedishForms } from './customer-term-forms.js';

export {
  type CustomerTerm,
  compoundOf,
  PRESET_TERMS,
} from './customer-term-forms.js';

/** How the organisation names the people it serves, in both languages; every question, page and e-mail uses it. */
const line = () =>
  z
    .string()
    .check(
      z.trim(),
      z.minLength(1),
      z.maxLength(40),
      z.regex(/^[^\r\n<>]*$/, 'No line breaks or angle brackets'),
    );

export const CustomTermSchema = z.object({
  sv: z.object({
    singular: line(),
    definite: line(),
    genitive: z.optional(line()),
    plural: line(),
    /** The form that starts a compound: "medborgar" in "medborgarfokus". Default: the singular. */
    compound: z.optional(
      z.string().check(z.trim(), z.minLength(1), z.maxLength(40), z.regex(/^\p{L}+$/u, 'Letters only')),
    ),
  }),
  en: z.object({ singular: line(), plural: line() }),
});

export const CustomerTermSchema = z.union([z.enum(PRESET_TERMS), CustomTermSchema]);
export type CustomerTermInput = z.infer<typeof CustomerTermSchema>;

export function resolveCustomerTerm(input: CustomerTermInput): CustomerTerm {
  if (typeof input === 'string') return { preset: input, ...PRESETS[input] };
  return {
    sv: {
      ...swedishForms(
        input.sv.singular,
        input.sv.definite,
        input.sv.plural,
        input.sv.compound?.toLocaleLowerCase('sv'),
      ),
      ...(input.sv.genitive ? { genitive: input.sv.genitive } : {}),
    },
    en: input.en,
  };
}
