/** Custom APIs (customapis/<name>/customapi.xml) with their SDK message, parameters and response properties. */
import { errors } from '../../http/errors';
import { stableId } from '../../util/ids';
import type { ComponentImporter } from './context';
import { bool, text, X } from './xml';

export const customApisImporter: ComponentImporter = {
  name: 'custom APIs',
  sections: [],
  async run({ engine, files, read, upsert, report }) {
    const apiFiles = Object.keys(files).filter((f) => /^customapis\/[^/]+\/customapi\.xml$/.test(f));
    for (const file of apiFiles) {
      const folder = file.slice(0, -'customapi.xml'.length);
      const api = read(file).customapi as X;
      const uniqueName = String(api['@_uniquename'] ?? '');
      if (!uniqueName) throw errors.invalidArgument(`${file} has no uniquename.`);
      const apiId = stableId(`customapi:${uniqueName}`);
      const bindingType = Number(text(api.bindingtype) || 0);
      const bound = text(api.boundentitylogicalname).toLowerCase() || null;
      if (bindingType !== 0 && (!bound || !engine.schema.table(bound))) throw errors.invalidArgument(`Custom API ${uniqueName} is bound to '${bound}', a table this environment does not have.`);
      const msgId = engine.ensureMessage(uniqueName, true);
      engine.ensureMessageFilter(uniqueName, bound ?? 'none');
      await upsert('customapi', apiId, {
        uniquename: uniqueName,
        name: text(api.name) || uniqueName,
        displayname: String((api.displayname as X | undefined)?.['@_default'] ?? uniqueName),
        description: String((api.description as X | undefined)?.['@_default'] ?? '').slice(0, 300) || null,
        bindingtype: bindingType,
        boundentitylogicalname: bound,
        isfunction: bool(api.isfunction),
        isprivate: bool(api.isprivate),
        allowedcustomprocessingsteptype: Number(text(api.allowedcustomprocessingsteptype) || 0),
        executeprivilegename: text(api.executeprivilegename) || null,
        workflowsdkstepenabled: bool(api.workflowsdkstepenabled),
      });
      engine.store.update(engine.table('customapi'), apiId, { sdkmessageid: { id: msgId, logicalName: 'sdkmessage' } });
      for (const kind of ['customapirequestparameter', 'customapiresponseproperty'] as const) {
        const dir = `${folder}${kind === 'customapirequestparameter' ? 'customapirequestparameters' : 'customapiresponseproperties'}/`;
        for (const f of Object.keys(files).filter((x) => x.startsWith(dir) && x.endsWith(`/${kind}.xml`))) {
          const p = read(f)[kind] as X;
          const pname = String(p['@_uniquename'] ?? '');
          const body: Record<string, unknown> = {
            uniquename: pname,
            name: text(p.name) || `${uniqueName}.${pname}`,
            displayname: String((p.displayname as X | undefined)?.['@_default'] ?? pname),
            type: Number(text(p.type)),
            logicalentityname: text(p.logicalentityname) || null,
            'CustomAPIId@odata.bind': `/customapis(${apiId})`,
          };
          if (kind === 'customapirequestparameter') body.isoptional = bool(p.isoptional);
          await upsert(kind, stableId(`${kind}:${uniqueName}.${pname}`), body);
        }
      }
      report.customApis.push(uniqueName);
    }
  },
};
