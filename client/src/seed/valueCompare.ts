// Whether a portal already holds what a seed file sets, so that sending the property would change
// nothing. HubSpot answers every value as text, in its own spelling (a number as "5", a date as
// "2026-01-31", a date-time as "2026-01-31T10:00:00Z"), so the file's value is compared by what it
// means, not by how it is written. No catalog is at hand here, so a rule applies only where the
// forms themselves say what the value is. When in doubt the values differ: a needless update costs
// one write, a wrong "unchanged" leaves the portal unlike the file.
import type { SeedProperty } from '../../../server/src/service/seedContact';
import { isoDateMs, isoDateTimeMs } from '../../../server/src/service/isoDates';

export type FileValue = SeedProperty['value'];

/** A decimal as HubSpot writes a number: with a leading zero ("01234", "007.0") it is a code such as a postal code, compared as text. */
const DECIMAL = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;
const WHOLE_NUMBER = /^-?\d+$/;

/** The file's value as the text HubSpot would store; null when it sets no value. */
export function valueText(value: FileValue): string | null {
  return value === null ? null : String(value);
}

export function sameValue(property: string, fileValue: FileValue, portalValue: string | null | undefined): boolean {
  const file = valueText(fileValue) ?? '';
  const portal = portalValue ?? '';
  if (file === portal) return true;
  if (file === '' || portal === '') return false;
  // HubSpot keeps a contact's email lower-cased: that is how it finds the contact again.
  if (property === 'email') return file.trim().toLowerCase() === portal.trim().toLowerCase();
  if (DECIMAL.test(file) && DECIMAL.test(portal)) return canonicalDecimal(file) === canonicalDecimal(portal);
  return sameInstant(file, portal);
}

/** Only trailing fractional zeros go, as text, so that digits beyond a double's precision still count: "5.10" → "5.1", "-0" → "0". */
function canonicalDecimal(text: string): string {
  const trimmed = text.includes('.') ? text.replace(/\.?0+$/, '') : text;
  return trimmed === '-0' ? '0' : trimmed;
}

/** The same moment, when at least one side is an ISO date or date-time and the other one or epoch milliseconds. */
function sameInstant(file: string, portal: string): boolean {
  const fileIso = isoInstant(file);
  const portalIso = isoInstant(portal);
  if (fileIso === undefined && portalIso === undefined) return false;
  const fileMs = fileIso ?? epochMs(file);
  const portalMs = portalIso ?? epochMs(portal);
  return fileMs !== undefined && fileMs === portalMs;
}

function isoInstant(text: string): number | undefined {
  return isoDateMs(text) ?? isoDateTimeMs(text);
}

function epochMs(text: string): number | undefined {
  return WHOLE_NUMBER.test(text) ? Number(text) : undefined;
}
