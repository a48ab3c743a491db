/** The three solutions, their display names and what each may depend on (docs/surface.md, "Solutions"). */
import { label, type Label } from './labels';
import type { TableSource } from './tables';

export type SolutionName = 'SmsConnector' | 'SmsConnectorSales' | 'SmsConnectorService';

export interface SolutionDefinition {
  name: SolutionName;
  displayName: Label;
  description: Label;
  /** Solutions that must be installed first. */
  dependsOn: SolutionName[];
  /** Where the tables it may reference without owning come from. */
  tableSources: TableSource[];
}

export const PUBLISHER = {
  uniqueName: 'smsconnector',
  displayName: label('SMS Connector', 'Connecteur SMS', 'מחבר SMS'),
  prefix: 'smsc',
  optionValuePrefix: 27130,
} as const;

export const solutions: SolutionDefinition[] = [
  {
    name: 'SmsConnector',
    displayName: label('SMS Connector', 'Connecteur SMS', 'מחבר SMS'),
    description: label('Send SMS from Dataverse: SMS activity, templates, configuration, opt-outs and contact processes.', 'Envoi de SMS depuis Dataverse : activité SMS, modèles, configuration, désinscriptions et processus sur les contacts.'),
    dependsOn: [],
    tableSources: ['platform'],
  },
  {
    name: 'SmsConnectorSales',
    displayName: label('SMS Connector for Sales', 'Connecteur SMS pour Sales', 'מחבר SMS עבור Sales'),
    description: label('SMS campaigns on marketing lists, SMS to leads, and order, quote and invoice processes.', 'Campagnes SMS sur listes marketing, SMS aux prospects, et processus sur commandes, devis et factures.'),
    dependsOn: ['SmsConnector'],
    tableSources: ['platform', 'sales'],
  },
  {
    name: 'SmsConnectorService',
    displayName: label('SMS Connector for Customer Service', 'Connecteur SMS pour Customer Service', 'מחבר SMS עבור Customer Service'),
    description: label('SMS processes on cases.', 'Processus SMS sur les incidents.'),
    dependsOn: ['SmsConnector'],
    tableSources: ['platform', 'service'],
  },
];

export function solutionByName(name: string): SolutionDefinition {
  const found = solutions.find((s) => s.name === name);
  if (!found) throw new Error(`solutionByName: no solution named "${name}"`);
  return found;
}
