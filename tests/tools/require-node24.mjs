// npm scripts put node_modules/.bin first on PATH, and the project depends on
// the `node` package (Node 24, what Electron 45's main process runs), so every
// script runs on Node 24 even where the system Node is older. This check
// catches a script started some other way.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(`Node ${process.versions.node} is too old: the kiosk's tools and tests need Node 24 (Electron's main process runs Node 24).`);
  console.error('Run them through npm (npm test, npm run ...): `npm install` brings Node 24 into node_modules/.bin.');
  process.exit(1);
}
