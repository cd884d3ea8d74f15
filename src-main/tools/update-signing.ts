// The release manager's half of signed updates (issue 14, item 6;
// src-main/domain/updates/update-signature.ts):
//
//   npm run update-signing -- keygen <folder>
//       writes <folder>/update-signing-key.pem (PRIVATE: keep it offline, never
//       in the repository) and <folder>/update-public-key.pem; copy the public
//       one to assets/build/update-public-key.pem and build: the app then
//       installs only updates signed with the private one.
//   npm run update-signing -- sign <update file> <update-signing-key.pem>
//       writes <update file>.sig; publish it next to the file in the feed.
//   npm run update-signing -- verify <update file> [public key, default assets/build/update-public-key.pem]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateUpdateSigningKeys, signUpdate, verifyUpdateSignature } from '../domain/updates/update-signature.ts';

const [command, first, second] = process.argv.slice(2);

function usage(): never {
  console.error('Usage: npm run update-signing -- keygen <folder> | sign <file> <private-key.pem> | verify <file> [public-key.pem]');
  process.exit(2);
}

switch (command) {
  case 'keygen': {
    if (first === undefined) usage();
    const folder = resolve(first);
    const privatePath = join(folder, 'update-signing-key.pem');
    if (existsSync(privatePath)) {
      console.error(`${privatePath} exists already; not overwritten.`);
      process.exit(1);
    }
    const keys = generateUpdateSigningKeys();
    writeFileSync(privatePath, keys.privateKeyPem, { mode: 0o600 });
    writeFileSync(join(folder, 'update-public-key.pem'), keys.publicKeyPem);
    console.log(`Private key: ${privatePath} (keep it offline). Public key: ${join(folder, 'update-public-key.pem')} (copy to assets/build/).`);
    break;
  }
  case 'sign': {
    if (first === undefined || second === undefined) usage();
    const signature = signUpdate(readFileSync(first), readFileSync(second, 'utf8'));
    writeFileSync(`${first}.sig`, signature);
    console.log(`Wrote ${first}.sig`);
    break;
  }
  case 'verify': {
    if (first === undefined) usage();
    const keyPath = second ?? 'assets/build/update-public-key.pem';
    const check = verifyUpdateSignature(readFileSync(first), readFileSync(`${first}.sig`, 'utf8'), readFileSync(keyPath, 'utf8'));
    console.log(check.ok ? `${first}: signature good` : `${first}: ${check.reason}`);
    process.exit(check.ok ? 0 : 1);
    break;
  }
  default:
    usage();
}
