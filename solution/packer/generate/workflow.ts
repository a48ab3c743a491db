/** Workflows/<Key>-<ID>.xaml and its .xaml.data.xml (the <Workflow> record) for one prebuilt process. */
import { localized } from '../../definitions/labels';
import type { ProcessDefinition } from '../../definitions/processes';
import { stableId } from '../ids';
import { el, type XmlElement } from '../xml/tree';
import { INTRODUCED_VERSION } from './entity';
import { workflowXaml } from './workflow-xaml';

export function workflowId(process: ProcessDefinition): string {
  return stableId('workflow', process.key);
}

export function workflowFiles(process: ProcessDefinition): { xamlPath: string; xaml: string; dataPath: string; data: XmlElement } {
  const id = workflowId(process);
  const xamlPath = `Workflows/${process.key}-${id.toUpperCase()}.xaml`;
  const data = el(
    'Workflow',
    { WorkflowId: `{${id}}`, Name: process.name.en, 'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance' },
    el('XamlFileName', {}, `/${xamlPath}`),
    el('Type', {}, '1'),
    el('Subprocess', {}, '0'),
    el('Category', {}, '0'),
    el('Mode', {}, '0'),
    el('Scope', {}, '4'),
    el('OnDemand', {}, '0'),
    process.trigger.onUpdate && el('TriggerOnUpdateAttributeList', {}, process.trigger.onUpdate.join(',')),
    el('TriggerOnCreate', {}, process.trigger.onCreate ? '1' : '0'),
    el('TriggerOnDelete', {}, '0'),
    el('AsyncAutodelete', {}, '1'),
    el('SyncWorkflowLogOnFailure', {}, '0'),
    // Draft: the admin reviews the text and activates the process (as the guide describes).
    el('StateCode', {}, '0'),
    el('StatusCode', {}, '1'),
    el('RunAs', {}, '1'),
    el('IsTransacted', {}, '1'),
    el('IntroducedVersion', {}, INTRODUCED_VERSION),
    el('IsCustomizable', {}, '1'),
    el('PrimaryEntity', {}, process.entity),
    el('LocalizedNames', {}, ...localized(process.name).map(([code, text]) => el('LocalizedName', { languagecode: code, description: text }))),
    el(
      'Descriptions',
      {},
      ...localized(process.text).map(([code, text]) =>
        el('Description', { languagecode: code, description: code === 1036 ? `Texte par défaut du SMS : « ${text} » (le processus envoie le texte anglais tant qu’il n’est pas modifié).` : `Default SMS text: "${text}"` }),
      ),
    ),
  );
  return { xamlPath, xaml: workflowXaml(process, id), dataPath: `${xamlPath}.data.xml`, data };
}
