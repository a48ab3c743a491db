/** Custom API folders: customapis/<name>/customapi.xml and one folder per request parameter (reference §3.11). */
import type { CustomApiDefinition } from '../../definitions/custom-apis';
import { localized, type Label } from '../../definitions/labels';
import { el, type XmlElement } from '../xml/tree';

function labelled(name: string, value: Label): XmlElement {
  return el(name, { default: value.en }, ...localized(value).map(([code, text]) => el('label', { description: text, languagecode: code })));
}

export function customApiFiles(api: CustomApiDefinition): Map<string, XmlElement> {
  const files = new Map<string, XmlElement>();
  const folder = `customapis/${api.uniqueName}`;
  files.set(
    `${folder}/customapi.xml`,
    el(
      'customapi',
      { uniquename: api.uniqueName },
      el('allowedcustomprocessingsteptype', {}, '2'),
      el('bindingtype', {}, api.boundEntity ? '1' : '0'),
      el('boundentitylogicalname', {}, api.boundEntity ?? ''),
      labelled('description', api.description),
      labelled('displayname', api.label),
      el('executeprivilegename'),
      el('iscustomizable', {}, '0'),
      el('isfunction', {}, '0'),
      el('isprivate', {}, '0'),
      el('name', {}, api.uniqueName),
      el('plugintypeid'),
      el('workflowsdkstepenabled', {}, api.workflowStep ? '1' : '0'),
    ),
  );
  for (const parameter of api.parameters) {
    files.set(
      `${folder}/customapirequestparameters/${parameter.name}/customapirequestparameter.xml`,
      el(
        'customapirequestparameter',
        { uniquename: parameter.name },
        labelled('description', parameter.description),
        labelled('displayname', parameter.label),
        el('iscustomizable', {}, '0'),
        el('isoptional', {}, parameter.optional ? '1' : '0'),
        el('logicalentityname', {}, parameter.entity ?? ''),
        el('name', {}, `${api.uniqueName}.${parameter.name}`),
        el('type', {}, String(parameter.type)),
      ),
    );
  }
  return files;
}
