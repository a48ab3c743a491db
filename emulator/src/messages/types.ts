/**
 * One Web API function or action that the platform provides (as opposed to an imported Custom API):
 * its name, how it is bound, and what it does. Each file of this folder defines the messages of one
 * area; `index.ts` lists them all.
 */
import type { ApiRequest, ApiResponse } from '../http/request';
import type { TableDef } from '../metadata/model';
import type { DataverseService } from '../service';

export type MessageBinding = 'unbound' | 'collection' | 'record';

export interface MessageCall {
  req: ApiRequest;
  service: DataverseService;
  /** The JSON body of an action; empty for a function. */
  input: Record<string, unknown>;
  /** The table a bound message was called on. */
  table?: TableDef;
  /** The record a record-bound message was called on. */
  id?: string;
}

export interface PlatformMessage {
  name: string;
  binding: MessageBinding;
  /** Logical name of the table a bound message belongs to; every table when absent. */
  table?: string;
  /** Functions are called with GET, actions with POST (the default). */
  method?: 'GET' | 'POST';
  run(call: MessageCall): Promise<ApiResponse>;
}
