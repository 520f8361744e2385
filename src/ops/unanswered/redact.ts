/**
 * Personal details people type into questions are not kept: e-mail
 * addresses, card numbers and phone numbers become placeholders before a
 * question is stored.
 */

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** 13 to 19 digits, optionally grouped by spaces or dashes (payment cards). */
const CARD = /\b\d(?:[ -]?\d){12,18}\b/g;
/** A phone number: optional +, then 7 to 15 digits with spaces, dots, dashes or brackets between. */
const PHONE = /(?:\+|\b)\d(?:[\s().-]{0,2}\d){6,14}\b/g;

/** Dates (2023-12-15, 15.12.2023, 12/15/2023) look like short phone numbers; they stay. */
const DATE = /^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{4})$/;

export function redactPersonalData(text: string): string {
  return text
    .replace(EMAIL, "[email]")
    .replace(CARD, "[card]")
    .replace(PHONE, (match) => (DATE.test(match) ? match : "[phone]"));
}
