/** Web resources, with their content from the zip (base64, as the webresource table stores it). */
import { errors } from '../../http/errors';
import { parseGuid, stableId } from '../../util/ids';
import type { ComponentImporter } from './context';
import { list, text, X } from './xml';

export const webResourcesImporter: ComponentImporter = {
  name: 'web resources',
  sections: ['WebResources'],
  async run({ customizations, files, upsert }) {
    for (const wr of list<X>((customizations.WebResources as X | undefined)?.WebResource)) {
      const id = parseGuid(text(wr.WebResourceId)) ?? stableId(`webresource:${text(wr.Name)}`);
      const fileName = text(wr.FileName).replace(/^\//, '');
      const content = files[fileName];
      if (!content) throw errors.invalidArgument(`Web resource ${text(wr.Name)} refers to ${fileName}, which is not in the zip.`);
      await upsert('webresource', id, { name: text(wr.Name), displayname: text(wr.DisplayName) || null, webresourcetype: Number(text(wr.WebResourceType)), content: Buffer.from(content).toString('base64') });
    }
  },
};
