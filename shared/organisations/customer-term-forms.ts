/**
 * The customer term's forms and presets, apart from its input schema (customer-term.ts): the answer pages
 * need only these, and a module that builds zod schemas at import costs their cold start.
 */
export const PRESET_TERMS = ['kund', 'medborgare', 'patient', 'brukare', 'elev', 'klient'] as const;
export interface CustomerTerm {
  preset?: (typeof PRESET_TERMS)[number];
  sv: { singular: string; definite: string; genitive: string; plural: string; compound?: string };
  en: { singular: string; plural: string };
}

export const swedishForms = (singular: string, definite: string, plural: string, compound = singular) => ({
  singular,
  definite,
  genitive: definite.endsWith('s') ? definite : `${definite}s`,
  plural,
  compound,
});

export const PRESETS: Record<(typeof PRESET_TERMS)[number], Omit<CustomerTerm, 'preset'>> = {
  kund: { sv: swedishForms('kund', 'kunden', 'kunder'), en: { singular: 'customer', plural: 'customers' } },
  medborgare: {
    sv: swedishForms('medborgare', 'medborgaren', 'medborgare', 'medborgar'),
    en: { singular: 'citizen', plural: 'citizens' },
  },
  patient: {
    sv: swedishForms('patient', 'patienten', 'patienter'),
    en: { singular: 'patient', plural: 'patients' },
  },
  brukare: {
    sv: swedishForms('brukare', 'brukaren', 'brukare', 'brukar'),
    en: { singular: 'service user', plural: 'service users' },
  },
  elev: { sv: swedishForms('elev', 'eleven', 'elever'), en: { singular: 'student', plural: 'students' } },
  klient: {
    sv: swedishForms('klient', 'klienten', 'klienter'),
    en: { singular: 'client', plural: 'clients' },
  },
};

/**
 * The compound stem ("medborgar" in "medborgarfokus"). A term stored before compounds existed takes its
 * preset's stem, or else its singular.
 */
export const compoundOf = (term: CustomerTerm): string =>
  term.sv.compound ?? (term.preset ? PRESETS[term.preset].sv.compound : undefined) ?? term.sv.singular;
