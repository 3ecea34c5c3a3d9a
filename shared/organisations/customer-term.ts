import * as z from 'zod/mini';

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

export const PRESET_TERMS = ['kund', 'medborgare', 'patient', 'brukare', 'elev', 'klient'] as const;
export const CustomerTermSchema = z.union([z.enum(PRESET_TERMS), CustomTermSchema]);
export type CustomerTermInput = z.infer<typeof CustomerTermSchema>;

export interface CustomerTerm {
  preset?: (typeof PRESET_TERMS)[number];
  sv: { singular: string; definite: string; genitive: string; plural: string; compound?: string };
  en: { singular: string; plural: string };
}

const sv = (singular: string, definite: string, plural: string, compound = singular) => ({
  singular,
  definite,
  genitive: definite.endsWith('s') ? definite : `${definite}s`,
  plural,
  compound,
});

const PRESETS: Record<(typeof PRESET_TERMS)[number], Omit<CustomerTerm, 'preset'>> = {
  kund: { sv: sv('kund', 'kunden', 'kunder'), en: { singular: 'customer', plural: 'customers' } },
  medborgare: {
    sv: sv('medborgare', 'medborgaren', 'medborgare', 'medborgar'),
    en: { singular: 'citizen', plural: 'citizens' },
  },
  patient: { sv: sv('patient', 'patienten', 'patienter'), en: { singular: 'patient', plural: 'patients' } },
  brukare: {
    sv: sv('brukare', 'brukaren', 'brukare', 'brukar'),
    en: { singular: 'service user', plural: 'service users' },
  },
  elev: { sv: sv('elev', 'eleven', 'elever'), en: { singular: 'student', plural: 'students' } },
  klient: { sv: sv('klient', 'klienten', 'klienter'), en: { singular: 'client', plural: 'clients' } },
};

/**
 * The compound stem ("medborgar" in "medborgarfokus"). A term stored before compounds existed takes its
 * preset's stem, or else its singular.
 */
export const compoundOf = (term: CustomerTerm): string =>
  term.sv.compound ?? (term.preset ? PRESETS[term.preset].sv.compound : undefined) ?? term.sv.singular;

export function resolveCustomerTerm(input: CustomerTermInput): CustomerTerm {
  if (typeof input === 'string') return { preset: input, ...PRESETS[input] };
  return {
    sv: {
      ...sv(
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
