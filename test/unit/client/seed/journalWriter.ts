// Spawned by journal.test.ts: a run that writes outcome records to a journal until it is killed,
// as a seed run would between batches. It says "written" on stdout once 1 000 records are on disk.
import { openJournal } from '../../../../client/src/seed/journal';

const [file, origin] = process.argv.slice(2);
if (file === undefined || origin === undefined) throw new Error('usage: journalWriter.ts <journal> <origin>');
const journal = openJournal(file, { origin, portalId: 1 });
journal.record({ type: 'run', at: new Date().toISOString(), origin, portalId: 1, apiVersion: '2026-03', contacts: 0 });
for (let index = 0; ; index++) {
  // Long keys (1.3 KB a record): more bytes a write for the kill to land among. Measured, the kernel
  // finishes each write() whole, so the tail is seldom torn; journal.test.ts tears one on purpose.
  journal.record({ type: 'outcome', at: new Date().toISOString(), key: `${'/seed/'.repeat(200)}c.contacts.json#${index}`, outcome: 'created', id: String(index + 1) });
  if (index === 1000) process.stdout.write('written\n');
}
