// The seed benchmark's section of bench/RESULTS.md, between two markers, below the line that
// `npm run bench` keeps (bench/run.ts): each benchmark rewrites its own part and leaves the rest alone.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const RESULTS_FILE = path.resolve(import.meta.dirname, '../RESULTS.md');
const BEGIN = '<!-- The seed sets section begins here: npm run bench:seed rewrites it, up to the end marker. -->';
const END = '<!-- The seed sets section ends here. -->';

export function writeSeedSection(markdown: string, file = RESULTS_FILE): void {
  const previous = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const section = `${BEGIN}\n\n${markdown}\n\n${END}`;
  const begin = previous.indexOf(BEGIN);
  const end = previous.indexOf(END);
  const next = begin >= 0 && end > begin
    ? `${previous.slice(0, begin)}${section}${previous.slice(end + END.length)}`
    : `${previous === '' ? '' : `${previous.replace(/\n*$/, '')}\n\n`}${section}\n`;
  writeFileSync(file, next);
}
