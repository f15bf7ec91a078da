// The editor's seed source: the set's files read by the language server (contactPayloads/readSeedFiles),
// a group at a time, so that what is planned and sent is what the editor shows — unsaved text
// included — checked against the catalog the editor shows it with (the portal's, once fetched).
import { ReadSeedFilesRequest } from '../../../../server/src/protocol';
import type { SeedFileResult, SeedSource } from '../../seed/seedSource';
import type { LanguageServerHost } from './languageServerHost';

/** `files`: file URIs, as strings, in the order they are planned and sent. */
export function serverSeedSource(server: LanguageServerHost, files: readonly string[]): SeedSource {
  return {
    files,
    async read(group) {
      try {
        const client = await server.ensureStarted();
        const { files: read } = await client.sendRequest(ReadSeedFilesRequest, { uris: [...group] });
        const byUri = new Map(read.map((file) => [file.uri, file]));
        return group.map((uri): SeedFileResult => {
          const file = byUri.get(uri);
          if (!file) return { file: uri, ok: false, problem: 'the language server did not read it' };
          return file.ok ? { file: uri, ok: true, read: file.read } : { file: uri, ok: false, problem: file.problem };
        });
      } catch (error) {
        // A source never rejects: a server that stopped or crashed leaves these files unread, each saying why.
        const problem = `the language server could not read it (${error instanceof Error ? error.message : String(error)})`;
        return group.map((uri): SeedFileResult => ({ file: uri, ok: false, problem }));
      }
    },
  };
}
