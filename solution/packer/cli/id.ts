#!/usr/bin/env node
/** Prints the stable id of a component key, for hand-written XML: `node solution/dist/packer/cli/id.js form smsc_sms main`. */
import { stableId } from '../ids';

const parts = process.argv.slice(2);
if (parts.length === 0) {
  console.error('Usage: id <kind> <name> [<qualifier>…]   e.g. id form smsc_sms main');
  process.exit(2);
}
console.log(stableId(...parts));
