#!/usr/bin/env node
// `npm start`: runs the product locally on embedded defaults. The local stack (Dataverse emulator,
// backend, provider sandbox, Azurite) is started by the parts of the product that provide them;
// until they exist this prints what is built and what is not there yet, and exits cleanly.
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const parts = [
  { name: 'SMS core (@smsc/core)', path: 'core/dist/index.js', how: "node --input-type=module -e \"import { analyzeSms } from '@smsc/core'; console.log(analyzeSms('Bonjour !'))\"" },
  { name: 'Dataverse Web API emulator', path: 'emulator/dist/server.js' },
  { name: 'Backend (Azure Functions) on the local host', path: 'functions/dist/host/local-host.js' },
  { name: 'Octopush provider sandbox', path: 'emulator/dist/sandbox/server.js' },
  { name: 'Solution zips', path: 'dist/solution/SmsConnector_managed.zip' },
];
console.log('SMS Connector for Dataverse: local run\n');
for (const part of parts) {
  const there = existsSync(join(root, part.path));
  console.log(`  ${there ? 'ready  ' : 'not yet'}  ${part.name}${there && part.how ? `\n           try: ${part.how}` : ''}`);
}
console.log('\nThe parts marked "not yet" are not part of this build; `npm test` checks everything that is.');
