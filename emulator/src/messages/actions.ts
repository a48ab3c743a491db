/**
 * Functions and actions: finds the platform message (see `index.ts`) or the imported Custom API
 * that a Web API call names, for its binding (unbound, bound to a collection, bound to a record),
 * and runs it.
 */
import { errors } from '../http/errors';
import { ApiRequest, ApiResponse, parseBody } from '../http/request';
import { TableDef } from '../metadata/model';
import type { DataverseService } from '../service';
import { findCustomApi, runCustomApi } from './custom-api';
import { PLATFORM_MESSAGES } from './index';
import type { MessageBinding, PlatformMessage } from './types';

export class Actions {
  constructor(
    private readonly service: DataverseService,
    private readonly messages: readonly PlatformMessage[] = PLATFORM_MESSAGES,
  ) {}

  async unbound(req: ApiRequest, name: string): Promise<ApiResponse> {
    const platform = this.find('unbound', name, undefined, req);
    if (platform) return platform.run({ req, service: this.service, input: input(req) });
    const api = findCustomApi(this.service, name);
    if (api) return runCustomApi(this.service, req, api, input(req), undefined, undefined);
    throw errors.resourceNotFound(name);
  }

  async boundToCollection(req: ApiRequest, table: TableDef, name: string): Promise<ApiResponse> {
    const platform = this.find('collection', name, table, req);
    if (platform) return platform.run({ req, service: this.service, input: input(req), table });
    const api = findCustomApi(this.service, name);
    if (api && api.bindingtype === 2 && api.boundentitylogicalname === table.logicalName) return runCustomApi(this.service, req, api, input(req), table, undefined);
    throw errors.resourceNotFound(`Microsoft.Dynamics.CRM.${name}`);
  }

  async boundToRecord(req: ApiRequest, table: TableDef, id: string, name: string): Promise<ApiResponse> {
    const platform = this.find('record', name, table, req);
    if (platform) return platform.run({ req, service: this.service, input: input(req), table, id });
    const api = findCustomApi(this.service, name);
    if (api && api.bindingtype === 1 && api.boundentitylogicalname === table.logicalName) return runCustomApi(this.service, req, api, input(req), table, id);
    throw errors.resourceNotFound(`Microsoft.Dynamics.CRM.${name}`);
  }

  private find(binding: MessageBinding, name: string, table: TableDef | undefined, req: ApiRequest): PlatformMessage | undefined {
    return this.messages.find((m) => m.binding === binding && m.name === name && (m.method ?? 'POST') === req.method && (!m.table || m.table === table?.logicalName));
  }
}

function input(req: ApiRequest): Record<string, unknown> {
  return req.method === 'GET' ? {} : (parseBody(req.body) as Record<string, unknown>);
}
