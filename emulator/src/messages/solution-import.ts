/** ImportSolution: a solution zip (base64) imported in one transaction with its import job. */
import { errors } from '../http/errors';
import { noContent } from '../http/request';
import { importSolution } from '../solution/import';
import { parseGuid } from '../util/ids';
import type { PlatformMessage } from './types';

export const solutionMessages: PlatformMessage[] = [
  {
    name: 'ImportSolution',
    binding: 'unbound',
    run: async ({ req, service, input }) => {
      if (typeof input.CustomizationFile !== 'string') throw errors.invalidArgument('ImportSolution needs CustomizationFile (the solution zip, base64).');
      const zip = Buffer.from(input.CustomizationFile, 'base64');
      await service.write(() => importSolution(service, zip, req.ctx, parseGuid(input.ImportJobId)));
      return noContent();
    },
  },
];
