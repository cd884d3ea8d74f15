// Resets operator access from the machine itself (issue 14, item 2): when the
// PIN is forgotten, or the PIN record is gone on a kiosk that already has
// donations ("Operator access is lost" on the screen). Whoever runs this needs
// access to the kiosk's data folder, i.e. to the computer's account, which
// the donor at the screen does not have. The next operator at the console then
// chooses a new PIN.
//
//   npm run reset-operator-pin -- <dataDir>
//
// The installed app takes the same reset as a launch flag, which also reaches
// a kiosk that is running: "Donation Kiosk" --reset-operator-pin
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { resetOperatorAccessFile } from '../services/operator-access-file.ts';

const [dataDirArg] = process.argv.slice(2);
if (dataDirArg === undefined || dataDirArg === '--help') {
  console.error('Usage: npm run reset-operator-pin -- <the kiosk data folder>');
  process.exit(2);
}
const dataDir = resolve(dataDirArg);
if (!existsSync(dataDir)) {
  console.error(`No such folder: ${dataDir}`);
  process.exit(1);
}
const path = resetOperatorAccessFile(dataDir);
console.log(`Operator access reset (${path}). The next operator who holds the corner chooses a new PIN.`);
console.log('If the kiosk is running, restart it (or start it once with --reset-operator-pin) so it reads the reset.');
