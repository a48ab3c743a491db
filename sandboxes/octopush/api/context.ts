import type { Runtime } from '../runtime';
import type { AccountState } from '../state/store';

export interface OctopushRequest {
  rt: Runtime;
  account: AccountState;
  body: Record<string, unknown>;
  query: URLSearchParams;
}

export interface Answer {
  status: number;
  body?: unknown;
}

export type OctopushHandler = (request: OctopushRequest) => Answer;
