// Local stand-in for Octopush's SMS API v1: see sandboxes/octopush/README.md.
export { startSandbox, type RunningSandbox } from './start';
export {
  defaultConfig, DELIVERY_STATUSES,
  type SandboxOptions, type SandboxConfig, type ConfigPatch, type FaultRule, type DeliveryStatus, type Account, type PriceTable,
} from './options';
export type { MessageRecord, CampaignRecord, CallbackRecord, RecordedRequest } from './state/records';
export type { InboundInput, InboundResult } from './callbacks/inbound';
