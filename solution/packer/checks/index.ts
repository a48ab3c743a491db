/** Runs every check of the issue's verification list over the packed solutions. */
import { campaignRibbonActions } from '../../definitions/custom-apis';
import { solutionByName } from '../../definitions/solutions';
import { externalTables } from '../../definitions/tables';
import type { FileMap } from '../files';
import { checkControls, checkCustomApis, checkFunctions, checkLabels, checkTables, checkWebResources } from './checks';
import { readPackage, type Issue, type SolutionPackage } from './package';
import { checkRootComponents } from './root-components';

export function checkSolutions(zips: FileMap[]): Issue[] {
  const packages: SolutionPackage[] = zips.map(readPackage);
  const issues: Issue[] = [];
  for (const pkg of packages) {
    issues.push(
      ...checkRootComponents(pkg),
      ...checkWebResources(pkg, packages),
      ...checkFunctions(pkg, packages),
      ...checkTables(pkg, packages, externalTables(solutionByName(pkg.uniqueName).tableSources)),
      ...checkLabels(pkg),
      ...checkControls(pkg, packages),
    );
  }
  issues.push(...checkCustomApis(packages, campaignRibbonActions));
  return issues;
}

export const formatIssues = (issues: Issue[]): string => issues.map((i) => `${i.solution}: ${i.file}: ${i.message}`).join('\n');
