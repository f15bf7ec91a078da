// A seed set in the editor, from plan to report: the files found, read through the language server,
// planned against the portal under a cancellable progress notification, shown in the Seed Plan view;
// then, once the person sends it (and confirms), sent with a progress notification whose Cancel — or
// the view's Stop — stops the run after the requests in flight (the runner's signal: nothing more
// starts, and what was in flight ends with its answer); the view then shows the run's report.
// One set at a time. The run's journal lives in the extension's global storage, keyed by account and
// the set's folders, so the same command run again resumes where a cut-off run stopped.
import * as vscode from 'vscode';
import type { Account } from '../../accounts/account';
import { plural } from '../../hubspot/format';
import type { HubSpotClient } from '../../hubspot/hubspotClient';
import { defaultJournalPath, openJournal, type Journal } from '../../seed/journal';
import { accountLabel, readSeedAccount } from '../../seed/seedAccount';
import type { SeedReport } from '../../seed/seedOutcome';
import { SeedPlanError, type SeedPlan } from '../../seed/seedPlanning';
import { createSeedRun, type SeedRun } from '../../seed/seedRun';
import type { SeedSource } from '../../seed/seedSource';
import { connectionWithToken, trustedForSending } from '../commands/connectionPrompt';
import type { SendServices } from '../commands/sendServices';
import { readSendSettings } from '../configuration';
import { serverSeedSource } from '../languageServer/serverSeedSource';
import { sendingProgress } from '../../seed/seedWording';
import { planSummary, reportSummary } from '../views/seedNodes';
import { confirmSeedSend } from './seedConfirmation';
import { saveSeedIds } from './seedIdSaving';
import { reportSeedRejections } from './seedRejections';
import { seedSetFiles } from './seedSetFiles';

export type SeedState =
  | { readonly kind: 'empty' }
  | { readonly kind: 'plan'; readonly plan: SeedPlan; readonly sending: boolean }
  | { readonly kind: 'report'; readonly plan: SeedPlan; readonly report: SeedReport };

/** A plan waiting to be sent, with everything its run holds: the client, the journal, the signal. */
interface PlannedSet {
  readonly targets: readonly vscode.Uri[];
  readonly source: SeedSource;
  readonly run: SeedRun;
  readonly journal: Journal;
  readonly client: HubSpotClient;
  /** The account the plan was made for, with the token (AccountStore.tokenId) it was made with: another token may be another portal. */
  readonly account: Account;
  readonly tokenId: string | undefined;
  readonly abort: AbortController;
  plan: SeedPlan;
}

export class SeedSession implements vscode.Disposable {
  private planned: PlannedSet | undefined;
  private busy: 'planning' | 'sending' | undefined;
  private current: SeedState = { kind: 'empty' };
  private readonly changed = new vscode.EventEmitter<SeedState>();
  readonly onDidChange = this.changed.event;
  /** The view's "Save ids into files" checkbox. */
  saveIds = false;

  constructor(
    private readonly services: SendServices,
    /** The extension's global storage: journals go to its seed-runs folder. */
    private readonly storage: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  state(): SeedState {
    return this.current;
  }

  /** Finds the set's files and plans them; returns the plan (for scripts and tests), or undefined when none was made. */
  async plan(targets: readonly vscode.Uri[]): Promise<SeedPlan | undefined> {
    if (!trustedForSending()) return undefined;
    if (this.busy) {
      void vscode.window.showWarningMessage(this.busy === 'sending' ? vscode.l10n.t('A seed set is being sent: stop it before planning another.') : vscode.l10n.t('A seed set is being planned already.'));
      return undefined;
    }
    this.busy = 'planning';
    try {
      return await this.planFiles(targets);
    } finally {
      this.busy = undefined;
    }
  }

  /** Sends the plan in the view, after the confirmation; returns the report, or undefined when nothing was sent. */
  async send(): Promise<SeedReport | undefined> {
    if (!trustedForSending()) return undefined;
    const planned = this.planned;
    if (!planned || this.busy) {
      void vscode.window.showWarningMessage(this.busy === 'sending' ? vscode.l10n.t('This seed set is being sent.') : vscode.l10n.t('Plan a seed set first: Send Seed Set…, or Send to HubSpot in the Explorer.'));
      return undefined;
    }
    const accounts = this.services.connection.accounts;
    if (accounts.active()?.account.id !== planned.account.id || (await accounts.tokenId(planned.account.id)) !== planned.tokenId) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The active account or its access token changed since this plan was made for {0}: plan the set again.', planned.account.name));
      return undefined;
    }
    if (toSend(planned.plan) === 0 && planned.plan.counts.uncertain === 0) return nothingToSend(planned.plan);
    const answer = await confirmSeedSend(planned.plan, readSendSettings().confirmBeforeSend, planned.account.production);
    if (answer === undefined) return undefined;
    if (!planned.account.production) this.services.confirmedAccounts.add(planned.account.id);
    this.busy = 'sending';
    try {
      if (answer === 'sendWithUncertain') {
        const plan = await this.withPlanningProgress(planned.source.files.length, (onProgress, cancellation) => {
          cancellation.onCancellationRequested(() => planned.abort.abort());
          return planned.run.plan(planned.source, { resendUncertain: true, onProgress });
        });
        if (!plan) {
          // A run whose signal was aborted sends nothing more: the set is planned afresh.
          this.discard();
          this.show({ kind: 'empty' });
          return undefined;
        }
        planned.plan = plan;
      }
      const { plan } = planned;
      if (toSend(plan) === 0) return nothingToSend(plan);
      this.show({ kind: 'plan', plan, sending: true });
      let report: SeedReport;
      try {
        report = await this.sendWithProgress(planned);
      } catch (error) {
        // The journal holds every answer that came before this: the set planned again resumes.
        this.discard();
        this.show({ kind: 'empty' });
        void vscode.window.showErrorMessage(vscode.l10n.t('The seed run stopped: {0} Plan the set again to resume it.', messageOf(error)));
        return undefined;
      }
      this.discard();
      this.show({ kind: 'report', plan, report });
      await this.afterRun(planned, report);
      return report;
    } finally {
      this.busy = undefined;
    }
  }

  /** The view's Stop and the notification's Cancel abort the runner's signal: no request starts after it. */
  stop(): boolean {
    if (this.busy !== 'sending' || !this.planned) return false;
    this.log.info('Seed run: stop requested; nothing more is sent');
    this.planned.abort.abort();
    return true;
  }

  dispose(): void {
    this.planned?.abort.abort();
    this.discard();
    this.changed.dispose();
  }

  private async planFiles(targets: readonly vscode.Uri[]): Promise<SeedPlan | undefined> {
    const files = await seedSetFiles(targets);
    if (files.length === 0) {
      void vscode.window.showErrorMessage(vscode.l10n.t('No *.contact.json or *.contacts.json file in {0}.', targets.map((target) => vscode.workspace.asRelativePath(target)).join(', ')));
      return undefined;
    }
    const connection = await connectionWithToken(() => this.services.connection.dedicatedClient('objects'));
    if (!connection) return undefined;
    const { client, settings, tokenId, account: active } = connection;
    const abort = new AbortController();
    const source = serverSeedSource(this.services.server, files.map(String));
    let journal: Journal | undefined;
    const planned = await this.withPlanningProgress(files.length, async (onProgress, cancellation) => {
      cancellation.onCancellationRequested(() => abort.abort());
      const account = await readSeedAccount(client, settings.apiVersion, abort.signal, active.name);
      journal = openJournal(defaultJournalPath(this.storage.fsPath, account, targets.map(String)), account);
      const run = createSeedRun({ client, account, journal, retry: settings.retry, signal: abort.signal });
      return { run, plan: await run.plan(source, { resendUncertain: false, onProgress }) };
    });
    if (!planned || !journal) {
      journal?.close();
      void client.close();
      return undefined;
    }
    this.discard();
    this.planned = { targets, source, run: planned.run, journal, client, account: active, tokenId, abort, plan: planned.plan };
    this.log.info(`Seed plan for ${accountLabel(planned.plan.account)}: ${planSummary(planned.plan)}; journal ${journal.path}`);
    this.show({ kind: 'plan', plan: planned.plan, sending: false });
    void vscode.commands.executeCommand('contactPayloads.seedPlan.focus');
    return planned.plan;
  }

  /**
   * Runs `planning` under a cancellable notification with the count of contacts read; says why when
   * it fails (the portal could not be read, the journal not opened) and returns undefined then.
   */
  private async withPlanningProgress<T>(
    files: number,
    planning: (onProgress: (contacts: number) => void, cancellation: vscode.CancellationToken) => Promise<T>,
  ): Promise<T | undefined> {
    try {
      return await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Planning {0} for HubSpot', plural(files, 'file', 'files')), cancellable: true },
        (progress, cancellation) => planning((contacts) => progress.report({ message: vscode.l10n.t('{0} read', plural(contacts, 'contact', 'contacts')) }), cancellation),
      );
    } catch (error) {
      // The planner's own errors (SeedPlanError) say what happened and that nothing was sent; a journal that cannot be opened names itself.
      this.log.warn(`Seed plan: ${messageOf(error)}`);
      void (error instanceof SeedPlanError ? vscode.window.showWarningMessage(error.message) : vscode.window.showErrorMessage(vscode.l10n.t('The seed set was not planned: {0}', messageOf(error))));
      return undefined;
    }
  }

  private sendWithProgress(planned: PlannedSet): Thenable<SeedReport> {
    const { plan } = planned;
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Sending to {0}', accountLabel(plan.account)), cancellable: true }, (progress, cancellation) => {
      cancellation.onCancellationRequested(() => this.stop());
      let reported = 0;
      return planned.run.send(plan, planned.source, {
        onProgress: ({ done, total, elapsedMs }) => {
          progress.report({ increment: total > 0 ? ((done - reported) / total) * 100 : 0, message: sendingProgress(done, total, elapsedMs) });
          reported = done;
        },
      });
    });
  }

  /** The ids saved (when asked), HubSpot's rejections on their values, a line in the log and a summary notification. */
  private async afterRun(planned: PlannedSet, report: SeedReport): Promise<void> {
    const where = accountLabel(report.account);
    const summary = `${reportSummary(report)} — ${plural(report.requests, 'request', 'requests')}${report.rateLimited > 0 ? ` (${report.rateLimited} answered 429)` : ''} in ${(report.elapsedMs / 1000).toFixed(1)} s`;
    this.log.info(`Seed run to ${where}: ${summary}; journal ${report.journalPath}`);
    const notes: string[] = [];
    if (report.stopped) notes.push(vscode.l10n.t('Stopped: {0}', report.stopped.message));
    if (this.saveIds) {
      const saved = await saveSeedIds(report, planned.source);
      notes.push(vscode.l10n.t('Saved {0} into {1}.', plural(saved.ids, 'id', 'ids'), plural(saved.files, 'file', 'files')));
      for (const problem of saved.problems) this.log.warn(`Ids not saved: ${problem}`);
      if (saved.problems.length > 0) notes.push(vscode.l10n.t('{0} not written (see the output).', plural(saved.problems.length, 'file', 'files')));
    }
    const rejections = await reportSeedRejections(report, this.services.server);
    const message = notes.length > 0
      ? vscode.l10n.t('Sent to {0}: {1}. {2}', where, reportSummary(report), notes.join(' '))
      : vscode.l10n.t('Sent to {0}: {1}.', where, reportSummary(report));
    const showProblems = vscode.l10n.t('Show Problems');
    const planAgain = vscode.l10n.t('Plan Again');
    const actions = [...(rejections > 0 ? [showProblems] : []), ...(report.stopped || report.counts.notSent > 0 ? [planAgain] : [])];
    const { counts } = report;
    const troubled = report.stopped !== undefined || counts.failed + counts.uncertain + counts.notSent > 0;
    void (troubled ? vscode.window.showWarningMessage(message, ...actions) : vscode.window.showInformationMessage(message, ...actions)).then((choice) => {
      if (choice === showProblems) void vscode.commands.executeCommand('workbench.actions.view.problems');
      if (choice === planAgain) void this.plan(planned.targets);
    });
  }

  /** Lets go of the plan waiting to be sent: its journal and client. */
  private discard(): void {
    const planned = this.planned;
    this.planned = undefined;
    planned?.journal.close();
    void planned?.client.close();
  }

  private show(state: SeedState): void {
    this.current = state;
    void vscode.commands.executeCommand('setContext', 'contactPayloads.seedState', state.kind === 'plan' && state.sending ? 'sending' : state.kind);
    this.changed.fire(state);
  }
}

function toSend(plan: SeedPlan): number {
  return plan.counts.create + plan.counts.update;
}

function nothingToSend(plan: SeedPlan): undefined {
  void vscode.window.showInformationMessage(plan.rows.length === 0
    ? vscode.l10n.t('Nothing to send: the set has no contacts ({0}).', planSummary(plan))
    : vscode.l10n.t('Nothing to send: every contact is unchanged or held back ({0}).', planSummary(plan)));
  return undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
