/** The composition root of form and ribbon handlers: Ports over the `Xrm` the page gives us. */
import { createMetadataPort, webApiFetch, executeRequest, type DataPort, type DialogPort, type Ports, userFromSettings } from '@smsc/browser-shared';
type XrmStatic = typeof Xrm;

function dataPort(xrm: XrmStatic): DataPort {
  const api = xrm.WebApi;
  return {
    retrieveRecord: (entity, id, options) => Promise.resolve(api.retrieveRecord(entity, id, options)) as Promise<Record<string, unknown>>,
    retrieveMultipleRecords: (entity, options, maxPageSize) => Promise.resolve(api.retrieveMultipleRecords(entity, options, maxPageSize)) as Promise<{ entities: Record<string, unknown>[] }>,
    createRecord: async (entity, data) => {
      const created = await api.createRecord(entity, data);
      return { id: created.id };
    },
    updateRecord: (entity, id, data) => Promise.resolve(api.updateRecord(entity, id, data)),
    async callCustomApi(call) {
      const response = (await api.online.execute(executeRequest(call))) as unknown as Response;
      // 204 No Content for APIs without response properties.
      if (!response || response.status === 204 || typeof response.json !== 'function') return {};
      const text = await response.text();
      return text ? (JSON.parse(text) as Record<string, unknown>) : {};
    },
  };
}

function dialogPort(xrm: XrmStatic): DialogPort {
  return {
    async confirm(title, text, confirmButtonLabel, cancelButtonLabel) {
      const result = await xrm.Navigation.openConfirmDialog({ title, text, confirmButtonLabel, cancelButtonLabel });
      return result.confirmed;
    },
    async alert(title, text) {
      await xrm.Navigation.openAlertDialog({ title, text });
    },
    showProgress: (text) => xrm.Utility.showProgressIndicator(text),
    closeProgress: () => xrm.Utility.closeProgressIndicator(),
    async openNewForm(entityName, createFrom) {
      await xrm.Navigation.openForm({ entityName, createFromEntity: { entityType: createFrom.entityType, id: createFrom.id, name: createFrom.name ?? '' } });
    },
  };
}

export function xrmPorts(xrm: XrmStatic = Xrm): Ports {
  const globalContext = xrm.Utility.getGlobalContext();
  const user = userFromSettings(globalContext.userSettings);
  return {
    data: dataPort(xrm),
    metadata: createMetadataPort(webApiFetch(globalContext.getClientUrl()), user.locale),
    dialogs: dialogPort(xrm),
    user,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
}
