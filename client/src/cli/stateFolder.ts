// Where the command line keeps what outlives a run (seed journals): the platform's place for
// application state, never the folders it was given (they are often a repository).
import os from 'node:os';
import path from 'node:path';

export function stateFolder(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return path.join(env.LOCALAPPDATA || path.join(os.homedir(), 'AppData', 'Local'), 'contact-payloads');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'contact-payloads');
  // XDG's state home is for "data that should persist between restarts but is not important enough for $XDG_DATA_HOME".
  return path.join(env.XDG_STATE_HOME || path.join(os.homedir(), '.local', 'state'), 'contact-payloads');
}
