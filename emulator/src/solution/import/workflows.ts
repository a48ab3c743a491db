/** Processes (Workflows/*.xaml with their definition rows), stored as the solution ships them. */
import { strFromU8 } from 'fflate';
import { parseGuid, stableId } from '../../util/ids';
import type { ComponentImporter } from './context';
import { bool, list, text, X } from './xml';

export const workflowsImporter: ComponentImporter = {
  name: 'processes',
  sections: ['Workflows'],
  async run({ customizations, files, upsert }) {
    for (const wf of list<X>((customizations.Workflows as X | undefined)?.Workflow)) {
      const id = parseGuid(wf['@_WorkflowId']) ?? stableId(`workflow:${String(wf['@_Name'])}`);
      const xamlFile = text(wf.XamlFileName).replace(/^\//, '');
      const xaml = files[xamlFile];
      await upsert('workflow', id, {
        name: String(wf['@_Name'] ?? ''),
        category: Number(text(wf.Category) || 0),
        mode: Number(text(wf.Mode) || 0),
        scope: Number(text(wf.Scope) || 4),
        ondemand: bool(wf.OnDemand),
        triggeroncreate: bool(wf.TriggerOnCreate),
        triggerondelete: bool(wf.TriggerOnDelete),
        triggeronupdateattributelist: text(wf.TriggerOnUpdateAttributeList) || null,
        primaryentity: text(wf.PrimaryEntity).toLowerCase() || null,
        xaml: xaml ? strFromU8(xaml) : null,
        statecode: Number(text(wf.StateCode) || 0),
        statuscode: Number(text(wf.StatusCode) || 1),
      });
    }
  },
};
