import * as z from 'zod/mini';
import type { Secrets } from '../security/secrets.js';

/**
 * Staff without work e-mail (care, cleaning, transport, kitchens) are imported with an employee id instead:
 * letters, digits and . _ - only, never an @, so one path segment can name either kind of person.
 */
export const employeeId = () =>
  z
    .string()
    .check(
      z.trim(),
      z.minLength(1),
      z.maxLength(64),
      z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'Letters, digits, dot, dash and underscore only'),
    );

/** A mobile number in E.164 (+ country code, up to 15 digits), spaces and dashes dropped. */
export const mobileNumber = () =>
  z.pipe(
    z.string().check(
      z.maxLength(30),
      z.overwrite((value) => value.replace(/[\s-]/g, '')),
    ),
    z.string().check(z.regex(/^\+[1-9]\d{6,14}$/, 'A mobile number in E.164 form, e.g. +46701234567')),
  );

/** Keyed hash of the normalised e-mail: the identity of everyone who has one. */
export const respondentKeyOf = (secrets: Secrets, email: string) => secrets.hash(`respondent:${email}`);

/** Keyed hash of the employee id: the identity of someone without an e-mail. Another prefix, so they never collide. */
export const employeeKeyOf = (secrets: Secrets, id: string) => secrets.hash(`respondent-employee:${id}`);

/** Who a row is: by e-mail where there is one, otherwise by employee id. */
export const identityOf = (input: { email?: string; employeeId?: string }) =>
  input.email !== undefined ? `email:${input.email}` : `employee:${input.employeeId}`;

export function respondentKeyFor(secrets: Secrets, input: { email?: string; employeeId?: string }): string {
  return input.email !== undefined
    ? respondentKeyOf(secrets, input.email)
    : employeeKeyOf(secrets, input.employeeId as string);
}
