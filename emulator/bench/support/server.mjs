// The emulator under measure, in its own process as `npm run emulator` runs it, so that its peak
// RSS is its own and the client's JSON parsing does not share its event loop. Driven over IPC by
// the benchmark: { load: n } fills it with n contacts, { rss: true } answers its peak RSS.
import { createRequire } from 'node:module';
import { rmSync } from 'node:fs';
import { loadContacts } from './contacts.mjs';

const require = createRequire(import.meta.url);
const { startEmulator } = require('../../dist/index.js');
const emulator = await startEmulator({ dataDir: process.argv[2] });
const peakRssMB = () => Math.round(process.resourceUsage().maxRSS / 1024);

// If the benchmark dies, its emulator does not outlive it, nor does the data folder.
process.on('disconnect', async () => {
  await emulator.stop();
  rmSync(process.argv[2], { recursive: true, force: true });
  process.exit(1);
});

process.on('message', async (message) => {
  if (message.load !== undefined) {
    const started = performance.now();
    loadContacts(emulator.engine, message.load);
    process.send({ loaded: message.load, ms: Math.round(performance.now() - started), peakRssMB: peakRssMB() });
  } else if (message.rss) {
    process.send({ peakRssMB: peakRssMB() });
  } else if (message.stop) {
    await emulator.stop();
    process.exit(0);
  }
});
process.send({ url: emulator.url, serverUrl: emulator.serverUrl });
