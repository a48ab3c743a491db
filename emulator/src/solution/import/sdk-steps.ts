/** SDK message processing steps and their images, on messages that exist by then (Custom APIs come first). */
import { errors } from '../../http/errors';
import { parseGuid, stableId } from '../../util/ids';
import type { ComponentImporter } from './context';
import { bool, list, text, X } from './xml';

export const sdkStepsImporter: ComponentImporter = {
  name: 'SDK steps',
  sections: ['SdkMessageProcessingSteps'],
  async run({ engine, customizations, upsert, report }) {
    for (const step of list<X>((customizations.SdkMessageProcessingSteps as X | undefined)?.SdkMessageProcessingStep)) {
      const id = parseGuid(step['@_SdkMessageProcessingStepId']);
      const name = String(step['@_Name'] ?? '');
      if (!id) throw errors.invalidArgument(`SDK step '${name}' has no SdkMessageProcessingStepId.`);
      const msgId = parseGuid(text(step.SdkMessageId));
      const message = msgId ? engine.store.all('SELECT "name" FROM "sdkmessage" WHERE "sdkmessageid" = ?', [msgId])[0] : undefined;
      if (!message) throw errors.invalidArgument(`SDK step '${name}' refers to the message ${text(step.SdkMessageId)}, which does not exist in this environment.`);
      const primary = text(step.PrimaryEntity).toLowerCase();
      const handler = parseGuid(text(step.EventHandler));
      const handlerType = text(step.EventHandlerTypeCode);
      const body: Record<string, unknown> = {
        name,
        'sdkmessageid@odata.bind': `/sdkmessages(${msgId})`,
        stage: Number(text(step.Stage) || 40),
        mode: Number(text(step.Mode) || 0),
        rank: Number(text(step.Rank) || 1),
        filteringattributes: text(step.FilteringAttributes) || null,
        asyncautodelete: bool(step.AsyncAutoDelete),
        supporteddeployment: Number(text(step.SupportedDeployment) || 0),
        invocationsource: Number(text(step.InvocationSource) || 0),
      };
      if (primary && primary !== 'none') body['sdkmessagefilterid@odata.bind'] = `/sdkmessagefilters(${engine.ensureMessageFilter(String(message.name), primary)})`;
      if (handler && (handlerType === '4618' || !handlerType)) body['eventhandler_serviceendpoint@odata.bind'] = `/serviceendpoints(${handler})`;
      else if (handler) body['eventhandler_plugintype@odata.bind'] = `/plugintypes(${handler})`;
      const pluginType = parseGuid(text(step.PluginTypeId));
      if (pluginType && engine.store.get(engine.table('plugintype'), pluginType)) body['plugintypeid@odata.bind'] = `/plugintypes(${pluginType})`;
      await upsert('sdkmessageprocessingstep', id, body);
      for (const image of list<X>((step.SdkMessageProcessingStepImages as X | undefined)?.SdkMessageProcessingStepImage)) {
        const imageId = parseGuid(image['@_SdkMessageProcessingStepImageId']) ?? stableId(`image:${id}:${text(image.EntityAlias)}`);
        await upsert('sdkmessageprocessingstepimage', imageId, {
          name: String(image['@_Name'] ?? text(image.EntityAlias)),
          entityalias: text(image.EntityAlias) || null,
          imagetype: Number(text(image.ImageType) || 1),
          attributes: text(image.Attributes) || null,
          messagepropertyname: text(image.MessagePropertyName) || 'Target',
          'sdkmessageprocessingstepid@odata.bind': `/sdkmessageprocessingsteps(${id})`,
        });
      }
      report.steps.push(name);
    }
  },
};
