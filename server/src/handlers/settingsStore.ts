// Reads the `contactPayloads` settings: asked with workspace/configuration where the client supports it,
// otherwise taken from initializationOptions and didChangeConfiguration (as editors without it send them).
import { normaliseSettings, DEFAULT_SETTINGS, type ServerSettings } from '../service';
import { SETTINGS_SECTION } from '../protocol';
import type { ServerContext } from './context';

export class SettingsStore {
  private current: ServerSettings = DEFAULT_SETTINGS;

  get(): ServerSettings {
    return this.current;
  }

  setFrom(raw: unknown): void {
    this.current = normaliseSettings(raw);
  }

  /** Re-reads the settings after a change and calls `changed` once they are in. */
  listen(ctx: ServerContext, changed: () => void): void {
    ctx.connection.onDidChangeConfiguration(async (params) => {
      if (ctx.client().configurationRequests) await this.fetch(ctx);
      else this.setFrom((params.settings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION]);
      changed();
    });
  }

  async fetch(ctx: ServerContext): Promise<void> {
    try {
      this.setFrom(await ctx.connection.workspace.getConfiguration(SETTINGS_SECTION));
    } catch (error) {
      ctx.connection.console.warn(`Could not read the ${SETTINGS_SECTION} settings; using the defaults. ${String(error)}`);
    }
  }
}
