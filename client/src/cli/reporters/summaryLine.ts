// The closing line of `check`: what was checked, what was found, and why the run failed.
import { plural } from '../../hubspot/format';
import { printablePath } from '../printable';
import type { CheckTotals } from './reporter';

export function summaryLine(totals: CheckTotals): string {
  const { errors, warnings, information } = totals;
  const problems = errors + warnings + information;
  const checked = `Checked ${plural(totals.files, 'file', 'files')}`;
  const sentences = [
    problems === 0
      ? `${checked}: no problems.`
      : `${checked}: ${plural(problems, 'problem', 'problems')} (${plural(errors, 'error', 'errors')}, ${plural(warnings, 'warning', 'warnings')}, ${information} information) in ${plural(totals.filesWithProblems, 'file', 'files')}.`,
  ];
  if (totals.unreadableFiles > 0) sentences.push(`${plural(totals.unreadableFiles, 'file', 'files')} could not be read.`);
  if (totals.unmatched.length > 0) sentences.push(`Nothing to check in ${totals.unmatched.map((arg) => `"${printablePath(arg)}"`).join(', ')}.`);
  if (totals.maxWarnings !== undefined && warnings > totals.maxWarnings) sentences.push(`Too many warnings: more than ${totals.maxWarnings} (--max-warnings).`);
  return sentences.join(' ');
}
