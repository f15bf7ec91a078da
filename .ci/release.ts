// The release: one .vsix, published to the Visual Studio Marketplace (vsce) and to Open VSX (ovsx).
//   npm run release:check   the dry run: every check, the .vsix built and its file list compared, the
//                           tokens looked for — everything but the upload
//   npm run release         the same checks, then both uploads
// Tokens come from the environment only: VSCE_PAT (Marketplace, publisher contact-payloads) and
// OVSX_PAT (Open VSX, namespace contact-payloads); vsce and ovsx read them there themselves, and this
// script never prints them. The procedure around it: docs/release.md.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(import.meta.dirname, '..');
export const VSIX = 'dist/contact-payloads.vsix';

/** What the .vsix ships, as `vsce ls` lists it (test/vscode/package.test.ts holds the packaged file to the same list). */
export const SHIPPED_FILES: readonly string[] = [
  'CHANGELOG.md',
  'LICENSE',
  'README.md',
  'dist/client.js',
  'dist/clientMain.js',
  'dist/llhttp.wasm',
  'dist/server.js',
  'docs/icon.png',
  'package.json',
  'package.nls.json',
];

/** The Marketplace's categories (vsce refuses others). */
const MARKETPLACE_CATEGORIES = new Set([
  'AI', 'Azure', 'Chat', 'Data Science', 'Debuggers', 'Education', 'Extension Packs', 'Formatters', 'Keymaps', 'Language Packs', 'Linters',
  'Machine Learning', 'Notebooks', 'Other', 'Programming Languages', 'SCM Providers', 'Snippets', 'Testing', 'Themes', 'Visualization',
]);
const MAX_KEYWORDS = 30;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?$/;
const HTTPS_URL = /^https:\/\/[^\s/]+\/\S*$/;

export interface Manifest {
  readonly [key: string]: unknown;
}

/** What keeps either registry from taking the manifest, or from showing the page it should; [] when nothing does. */
export function manifestProblems(manifest: Manifest, readFile: (file: string) => Buffer): string[] {
  const problems: string[] = [];
  const text = (key: string): string | undefined => (typeof manifest[key] === 'string' && manifest[key] !== '' ? (manifest[key]) : undefined);
  const url = (value: unknown): string | undefined => (typeof value === 'string' ? value : typeof value === 'object' && value !== null && typeof (value as { url?: unknown }).url === 'string' ? (value as { url: string }).url : undefined);
  for (const key of ['name', 'publisher', 'displayName', 'description', 'license', 'icon']) if (!text(key)) problems.push(`"${key}" is missing`);
  const version = text('version');
  if (!version || !SEMVER.test(version)) problems.push(`"version" is not a semantic version: ${JSON.stringify(manifest.version)}`);
  for (const key of ['repository', 'bugs', 'homepage']) {
    const value = url(manifest[key]);
    if (!value || !HTTPS_URL.test(value.replace(/^git\+/, ''))) problems.push(`"${key}" needs an https URL (both registries link it; vsce makes the README's relative links absolute from "repository")`);
  }
  const qna = manifest.qna;
  if (!(qna === 'marketplace' || qna === false || (typeof qna === 'string' && HTTPS_URL.test(qna)))) problems.push('"qna" is "marketplace", false or an https URL');
  const banner = manifest.galleryBanner as { color?: unknown; theme?: unknown } | undefined;
  if (typeof banner?.color !== 'string' || !/^#[0-9a-fA-F]{6}$/.test(banner.color) || (banner.theme !== 'dark' && banner.theme !== 'light')) problems.push('"galleryBanner" needs a #rrggbb "color" and a "theme" of dark or light');
  const categories = Array.isArray(manifest.categories) ? (manifest.categories as unknown[]) : [];
  if (categories.length === 0) problems.push('"categories" is empty');
  for (const category of categories) if (typeof category !== 'string' || !MARKETPLACE_CATEGORIES.has(category)) problems.push(`"${String(category)}" is not a Marketplace category`);
  const keywords = Array.isArray(manifest.keywords) ? (manifest.keywords as unknown[]) : [];
  if (keywords.length === 0 || keywords.length > MAX_KEYWORDS) problems.push(`"keywords" needs 1 to ${MAX_KEYWORDS} entries (has ${keywords.length})`);
  const engines = manifest.engines as { vscode?: unknown } | undefined;
  if (typeof engines?.vscode !== 'string') problems.push('"engines.vscode" is missing');
  const icon = text('icon');
  if (icon) {
    const size = readIcon(icon, readFile, problems);
    if (size && (size.width !== 128 || size.height !== 128)) problems.push(`the icon ${icon} is ${size.width}×${size.height}; both registries show 128×128`);
  }
  return problems;
}

/** The icon's size, or undefined with the reason in `problems` when it cannot be read or is no PNG. */
function readIcon(icon: string, readFile: (file: string) => Buffer, problems: string[]): { width: number; height: number } | undefined {
  let png: Buffer;
  try {
    png = readFile(icon);
  } catch (error) {
    problems.push(`the icon ${icon} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  const size = pngSize(png);
  if (!size) problems.push(`the icon ${icon} is not a PNG`);
  return size;
}

/** A PNG's width and height from its header; undefined for anything else. */
export function pngSize(png: Buffer): { width: number; height: number } | undefined {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (png.length < 24 || !png.subarray(0, 8).equals(signature) || png.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/**
 * The CHANGELOG must have a section for the version being released, with its date (`## 1.2.0 — 2027-01-05`),
 * and nothing left under `## Unreleased`: both registries show the file as it is.
 */
export function changelogProblems(changelog: string, version: string): string[] {
  const headings = [...changelog.matchAll(/^## +(.+?) *$/gm)].map((match) => ({ title: match[1], index: match.index }));
  const problems: string[] = [];
  const section = headings.find(({ title }) => title.replace(/^\[|\](?=\s|$)/g, '').split(/\s/)[0] === version);
  if (!section) problems.push(`CHANGELOG.md has no "## ${version} — YYYY-MM-DD" section`);
  else if (!/\b\d{4}-\d{2}-\d{2}\b/.test(section.title)) problems.push(`CHANGELOG.md's "## ${section.title}" has no release date`);
  const unreleased = headings.findIndex(({ title }) => /^unreleased$/i.test(title));
  if (unreleased !== -1) {
    const start = headings[unreleased].index;
    const end = headings[unreleased + 1]?.index ?? changelog.length;
    if (changelog.slice(start, end).replace(/^## .*$/m, '').trim() !== '') problems.push('CHANGELOG.md still lists changes under "## Unreleased": move them into the version\'s section');
  }
  return problems;
}

/** The tokens the upload needs that the environment lacks (their names only). */
export function missingTokens(env: NodeJS.ProcessEnv): string[] {
  return ['VSCE_PAT', 'OVSX_PAT'].filter((name) => !env[name]);
}

function run(command: string, args: readonly string[]): string {
  return execFileSync(command, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

function main(mode: string | undefined): number {
  if (mode !== 'check' && mode !== 'publish') {
    console.error('usage: node --import tsx .ci/release.ts check|publish');
    return 2;
  }
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;
  const version = String(manifest.version);
  const problems = [
    ...manifestProblems(manifest, (file) => readFileSync(path.join(ROOT, file))),
    ...changelogProblems(readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8'), version),
    ...missingTokens(process.env).map((name) => `${name} is not set (the upload reads it from the environment)`),
  ];
  console.log(`release ${version}: packaging ${VSIX}`);
  run('npm', ['run', 'package']);
  const listed = run('npx', ['vsce', 'ls', '--no-dependencies']).split('\n').map((line) => line.trim()).filter(Boolean).sort();
  const unexpected = listed.filter((file) => !SHIPPED_FILES.includes(file));
  const absent = SHIPPED_FILES.filter((file) => !listed.includes(file));
  if (unexpected.length > 0) problems.push(`the .vsix would ship ${unexpected.join(', ')} (.vscodeignore)`);
  if (absent.length > 0) problems.push(`the .vsix would lack ${absent.join(', ')}`);
  for (const problem of problems) console.error(`✘ ${problem}`);
  if (problems.length > 0) {
    console.error(`release ${version}: ${problems.length} problem(s); nothing was uploaded`);
    return 1;
  }
  if (mode === 'check') {
    console.log(`release ${version}: ready — ${VSIX} would be published to the Marketplace and Open VSX (dry run: nothing uploaded)`);
    return 0;
  }
  run('npx', ['vsce', 'publish', '--no-dependencies', '--packagePath', VSIX]);
  console.log(`release ${version}: published to the Visual Studio Marketplace`);
  run('npx', ['ovsx', 'publish', VSIX]);
  console.log(`release ${version}: published to Open VSX`);
  return 0;
}

// Run, not imported (the unit tests import the checks).
if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv[2]);
