// `contact-payloads seed [PATH|GLOB…]`: a seed set — contact files and batch files, found as
// `check` finds them — planned against the portal (what each contact needs: create, update with
// which changes, nothing, or held back by its errors), confirmed, then sent in batches of 100 at
// the pace HubSpot's rate-limit headers allow. A journal written as the run goes makes a re-run
// resume: what is done is found done, and a create whose answer was lost is not sent twice.
import { writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline/promises';
import path from 'node:path';
import { plural } from '../hubspot/format';
import { DEFAULT_RETRY, normaliseRetryOptions } from '../hubspot/retryPolicy';
import { BYTE_ORDER_MARK, isBatchFile } from '../send/contactText';
import { withEdits } from '../send/idEdit';
import { bundledDefaultCatalog, readSeedFile } from '../../../server/src/service';
import { defaultJournalPath, openJournal, type Journal } from '../seed/journal';
import { accountLabel, readSeedAccount } from '../seed/seedAccount';
import { idsToSave, seedIdEdits } from '../seed/seedIds';
import type { SeedReport } from '../seed/seedOutcome';
import { SeedPlanError, type SeedPlan } from '../seed/seedPlanning';
import { createSeedRun } from '../seed/seedRun';
import { fileLists } from '../seed/seedList';
import { planAccountProblem, PlanFileError, readPlanFile, writePlanFile, type SavedPlan } from '../seed/planFile';
import { unsentReport } from '../seed/seedSending';
import { sendingProgress } from '../seed/seedWording';
import { displayPath, parseCommandLine, REQUEST_OPTIONS, requestOptions, type CommandContext } from './commandLine';
import { readContactFile } from './contactFile';
import { ExitCode } from './exitCodes';
import { CHECK_SETTINGS } from './fileDiagnostics';
import { findContactFiles } from './findFiles';
import { SEED_HELP } from './help';
import { commandClient, commandTarget, configProblem, TARGET_OPTIONS } from './hubspotAccess';
import { printablePath } from './printable';
import { fileSeedSource } from './seedFiles';
import { planCountsLine, planJson, planLines, reportJson, reportLines, writeJsonDocument } from './seedOutput';
import { stateFolder } from './stateFolder';

export async function seedCommand(args: readonly string[], context: CommandContext): Promise<ExitCode> {
  const { terminal, env, cwd } = context;
  const { values, positionals } = parseCommandLine(args, {
    ...TARGET_OPTIONS,
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
    yes: { type: 'boolean', short: 'y' },
    'save-ids': { type: 'boolean' },
    journal: { type: 'string' },
    'resend-uncertain': { type: 'boolean' },
    'save-plan': { type: 'string' },
    plan: { type: 'string' },
    portal: { type: 'string' },
    ...REQUEST_OPTIONS,
  });
  if (values.help) {
    terminal.out(SEED_HELP);
    return ExitCode.Success;
  }
  const chosen = commandTarget(values, env);
  if (!chosen.ok) return configProblem(context, chosen.message);
  const { baseUrl, apiVersion, token, missingToken, label, account: namedAccount } = chosen.target;
  const production = namedAccount?.production === true;
  const request = requestOptions(values);
  const json = values.json === true;
  // With --json, standard output is the JSON document alone; everything else goes to standard error.
  const say = json ? terminal.err : terminal.out;

  // Even a dry run reads the portal: the plan says what would change there.
  if (token === '') return configProblem(context, missingToken);

  const planFile = values.plan === undefined ? undefined : path.resolve(cwd, values.plan);
  if (planFile !== undefined && (positionals.length > 0 || values['dry-run'] || values['save-plan'] !== undefined || values['resend-uncertain'])) {
    terminal.err('contact-payloads: --plan sends a saved plan as it is: give it no PATH, --dry-run, --save-plan or --resend-uncertain');
    return ExitCode.UsageOrFiles;
  }
  let found: { readonly files: readonly string[] } | undefined;
  if (planFile === undefined) {
    const matched = await findContactFiles(positionals, cwd);
    for (const arg of matched.unmatched) terminal.err(`contact-payloads: ${printablePath(arg)}: no contact files found`);
    if (matched.unmatched.length > 0) return ExitCode.UsageOrFiles;
    found = matched;
  }

  const client = commandClient({ baseUrl, token, request, account: label }, context);
  if (!client) return ExitCode.UsageOrFiles;
  // Ctrl-C stops after the requests in flight: their answers are journalled, the rest not sent.
  const abort = new AbortController();
  const cancel = () => {
    terminal.err('Stopping after the requests in flight…');
    abort.abort();
  };
  process.once('SIGINT', cancel);
  let journal: Journal | undefined;
  // A set of 100 000 contacts is planned and reported from files, not memory.
  const { lists, dispose: disposeLists } = fileLists();
  try {
    const account = await readSeedAccount(client, apiVersion, abort.signal, namedAccount?.name);
    let saved: SavedPlan | undefined;
    if (planFile !== undefined) {
      try {
        saved = readPlanFile(planFile, lists);
      } catch (error) {
        if (error instanceof PlanFileError) return configProblem(context, error.message);
        throw error;
      }
      const wrongAccount = planAccountProblem(saved.plan.account, account);
      if (wrongAccount !== undefined) return configProblem(context, `nothing sent: ${wrongAccount}`);
    }
    const roots = saved?.roots ?? (positionals.length > 0 ? positionals : ['.']).map((arg) => path.resolve(cwd, arg));
    const files = saved?.files ?? found?.files ?? [];
    journal = openJournal(values.journal === undefined ? defaultJournalPath(stateFolder(env), account, roots) : path.resolve(cwd, values.journal), account);
    const retry = normaliseRetryOptions({ ...DEFAULT_RETRY, ...(request.maxRetries === undefined ? {} : { maxRetries: request.maxRetries }) });
    const run = createSeedRun({ client, account, journal, retry, signal: abort.signal, lists });
    const source = fileSeedSource(files, cwd);
    const progress = progressLine(context);

    const planStartedAt = Date.now();
    let plan: SeedPlan;
    if (saved !== undefined) plan = saved.plan;
    else {
      try {
        plan = await run.plan(source, {
          resendUncertain: values['resend-uncertain'] === true,
          onProgress: (planned) => progress(`Planning: ${planned} contacts read`),
          nameOf: (file) => printablePath(displayPath(file, cwd)),
        });
      } catch (error) {
        if (error instanceof SeedPlanError) return configProblem(context, error.message);
        throw error;
      }
    }
    const planElapsedMs = Date.now() - planStartedAt;
    progress(undefined);
    if (values['save-plan'] !== undefined) {
      const target = path.resolve(cwd, values['save-plan']);
      try {
        writePlanFile(target, { plan, roots, files });
      } catch (error) {
        return configProblem(context, `the plan could not be saved to ${printablePath(displayPath(target, cwd))}: ${error instanceof Error ? error.message : String(error)}`);
      }
      say(`Plan saved to ${printablePath(displayPath(target, cwd))}: send it with contact-payloads seed --plan ${printablePath(displayPath(target, cwd))}`);
    }

    if (values['dry-run']) {
      if (json) await writeJsonDocument(terminal, planJson(plan, cwd, journal.path));
      else for (const line of planLines(plan, cwd, true)) terminal.out(line);
      say(planCountsLine(plan));
      return plan.counts.blocked > 0 || plan.fileProblems.length > 0 ? ExitCode.Problems : ExitCode.Success;
    }
    for (const line of planLines(plan, cwd, false)) say(line);
    say(planCountsLine(plan));
    const toSend = plan.counts.create + plan.counts.update;
    if (toSend === 0) {
      say('Nothing to send.');
      const report = unsentReport(plan, journal.path, lists);
      if (json) await writeJsonDocument(terminal, reportJson(plan, report, cwd, 0, planElapsedMs));
      return exitCodeOfRun(plan, report);
    }
    // --portal ID: sent only if the token's portal is that one; an account marked production needs it with --yes.
    const portalId = plan.account.portalId === undefined ? undefined : String(plan.account.portalId);
    if (values.portal !== undefined && values.portal.trim() !== portalId) return configProblem(context, `nothing sent: --portal ${values.portal} was given, and the token's portal is ${portalId ?? 'not known (the account details could not be read)'}.`);
    if (production && values.yes === true && values.portal === undefined) return configProblem(context, `nothing sent: account "${label}" is marked production; with --yes, pass --portal ${portalId ?? 'ID'} too, so that a wrong token cannot send there.`);
    if (production && values.yes !== true) {
      const typed = await ask(`Account "${label}" is marked production. Type its portal id (${portalId ?? 'unknown'}) to send ${plural(toSend, 'contact', 'contacts')} to ${accountLabel(plan.account)}: `, context);
      if (typed === undefined) return configProblem(context, 'nothing sent: standard input is not a terminal to confirm on; pass --yes --portal ID to send without asking.');
      if (portalId === undefined || typed.trim() !== portalId) {
        say('Nothing sent: that is not the portal id.');
        return ExitCode.UsageOrFiles;
      }
    } else if (values.yes !== true) {
      const confirmed = await confirm(`Send ${plural(toSend, 'contact', 'contacts')} to ${accountLabel(plan.account)}? [y/N] `, context);
      if (confirmed === undefined) return configProblem(context, 'nothing sent: standard input is not a terminal to confirm on; pass --yes to send without asking (after a --dry-run, say).');
      if (!confirmed) {
        say('Nothing sent.');
        return ExitCode.UsageOrFiles;
      }
    }

    const sendStartedAt = Date.now();
    const report = await run.send(plan, source, {
      onProgress: ({ done, total, elapsedMs }) => progress(`Sending: ${sendingProgress(done, total, elapsedMs)}`),
    });
    const sendElapsedMs = Date.now() - sendStartedAt;
    progress(undefined);
    for (const line of reportLines(report, cwd)) say(line);
    if (values['save-ids']) await saveIds(report, cwd, say, terminal.err);
    if (json) await writeJsonDocument(terminal, reportJson(plan, report, cwd, sendElapsedMs, planElapsedMs));
    return exitCodeOfRun(plan, report);
  } finally {
    process.off('SIGINT', cancel);
    journal?.close();
    disposeLists();
    await client.close();
  }
}

/** Stopped before the end outweighs everything (re-run to resume); then unknown outcomes; then failures. */
function exitCodeOfRun(plan: SeedPlan, report: SeedReport): ExitCode {
  if (report.stopped) return ExitCode.Stopped;
  if (report.counts.uncertain > 0) return ExitCode.UnknownOutcome;
  if (report.counts.failed > 0 || report.counts.blocked > 0 || report.counts.notSent > 0 || plan.fileProblems.length > 0) return ExitCode.Problems;
  return ExitCode.Success;
}

/** y/N on a terminal; undefined when there is none to ask on. */
async function confirm(question: string, context: CommandContext): Promise<boolean | undefined> {
  const answer = await ask(question, context);
  return answer === undefined ? undefined : /^y(es)?$/i.test(answer.trim());
}

/** The line typed on a terminal; undefined when there is none to ask on; empty when reading failed (Ctrl-D). */
async function ask(question: string, { terminal }: CommandContext): Promise<string | undefined> {
  if (!process.stdin.isTTY) return undefined;
  const reader = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await reader.question(question);
  } catch {
    terminal.err('');
    return '';
  } finally {
    reader.close();
  }
}

/** A line that rewrites itself on a terminal; on a log, one line at most every few seconds. */
function progressLine({ terminal }: CommandContext): (line: string | undefined) => void {
  const onTerminal = process.stderr.isTTY === true;
  // A log gets no line for a run that ends within the first few seconds.
  let lastAt = Date.now();
  let shown = false;
  return (line) => {
    if (line === undefined) {
      if (shown && onTerminal) process.stderr.write('\n');
      shown = false;
      return;
    }
    const now = Date.now();
    if (onTerminal) {
      process.stderr.write(`\r\u001b[K${line}`);
      shown = true;
    } else if (now - lastAt >= 5000) {
      terminal.err(line);
      lastAt = now;
    }
  };
}

/** Writes each created contact's id into its file; a file that changed meanwhile is read afresh first. */
async function saveIds(report: SeedReport, cwd: string, say: (line: string) => void, err: (line: string) => void): Promise<void> {
  let saved = 0;
  for (const [file, ids] of idsToSave(report)) {
    const shown = printablePath(displayPath(file, cwd));
    const read = await readContactFile(file, cwd);
    if (!read.ok) {
      err(`${shown}: ids not saved: the file ${read.problem}`);
      continue;
    }
    const seedRead = readSeedFile(read.text, bundledDefaultCatalog(), CHECK_SETTINGS, isBatchFile(file) ? 'batch' : 'single');
    const edits = seedIdEdits(read.text, seedRead, ids);
    if (edits.length === 0) continue;
    try {
      await writeFile(file, (read.byteOrderMark ? BYTE_ORDER_MARK : '') + withEdits(read.text, edits), 'utf8');
      saved += edits.length;
    } catch (error) {
      err(`${shown}: ids not saved: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  say(`Saved ${plural(saved, 'id', 'ids')} into the files.`);
}
