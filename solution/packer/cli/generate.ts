#!/usr/bin/env node
/** Regenerates the generated parts of the three solution sources from solution/definitions/. */
import { writeGeneratedSources } from '../generate/write';

const written = writeGeneratedSources();
console.log(written.length ? `Generated ${written.length} file(s).` : 'Generated sources are up to date.');
