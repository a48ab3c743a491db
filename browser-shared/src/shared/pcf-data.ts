/**
 * A DataPort over a PCF control's `context.webAPI` (same shapes as Xrm.WebApi, without
 * Custom API calls: controls only read and write rows).
 */
import type { DataPort, WebApiRow } from '../xrm/ports';

export interface PcfWebApi {
  retrieveRecord(entityType: string, id: string, options?: string): Promise<WebApiRow>;
  retrieveMultipleRecords(entityType: string, options?: string, maxPageSize?: number): Promise<{ entities: WebApiRow[] }>;
  createRecord(entityType: string, data: WebApiRow): Promise<{ id: string }>;
  updateRecord(entityType: string, id: string, data: WebApiRow): Promise<unknown>;
}

export function pcfDataPort(webAPI: PcfWebApi): DataPort {
  return {
    retrieveRecord: (entity, id, options) => webAPI.retrieveRecord(entity, id, options),
    retrieveMultipleRecords: (entity, options, maxPageSize) => webAPI.retrieveMultipleRecords(entity, options, maxPageSize),
    createRecord: async (entity, data) => ({ id: (await webAPI.createRecord(entity, data)).id }),
    updateRecord: (entity, id, data) => webAPI.updateRecord(entity, id, data),
    callCustomApi: (call) => Promise.reject(new Error(`${call.name}: Custom APIs are called from form scripts, not from controls.`)),
  };
}
