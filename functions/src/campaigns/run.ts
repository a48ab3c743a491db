import { createHash } from 'node:crypto';
import type { Language, SmsTypeName } from '@smsc/core';
import type { MarketingList } from '../dataverse/campaign-repository';
import type { CampaignPlan } from './plan';
import type { MergeColumns } from './recipient-query';

export type RunAction = 'simulate' | 'prepare';

export type RunState =
  | 'collecting'
  | 'planning'
  | 'uploading'
  | 'creating'
  | 'created'
  | 'sending'
  | 'sent'
  | 'done'
  | 'canceled'
  | 'failed';

/** One simulation or one preparation of a campaign, and (for a preparation) its sending. */
export interface CampaignRun {
  runId: string;
  campaignId: string;
  campaignName: string;
  action: RunAction;
  language: Language;
  userId: string | null;
  table: string;
  lists: MarketingList[];
  columns: MergeColumns;
  text: string;
  type: SmsTypeName;
  sender: string | null;
  /** Provider-side send time: the campaign's deferred start, held to the legal hours. */
  sendAt: string | null;
  state: RunState;
  pagesCollected: number;
  counts: CampaignPlan['counts'] | null;
  summary: string | null;
  providerText: string | null;
  chunks: number;
  chunkSize: number;
  listName: string | null;
  ticket: string | null;
  /** Some valid recipient has a French number (marketing sends are held to the legal hours). */
  french: boolean;
  lastError: string | null;
  startedAt: string;
}

export interface CampaignPointer {
  campaignId: string;
  runId: string;
  action: RunAction;
}

export const paths = {
  pointer: (campaignId: string) => `campaigns/${campaignId}.json`,
  run: (runId: string) => `runs/${runId}/run.json`,
  page: (runId: string, list: number, page: number) => `runs/${runId}/pages/${String(list).padStart(3, '0')}-${String(page).padStart(5, '0')}.json`,
  pages: (runId: string) => `runs/${runId}/pages/`,
  chunk: (runId: string, chunk: number) => `runs/${runId}/chunks/${String(chunk).padStart(5, '0')}.json`,
  uploaded: (runId: string, chunk: number) => `runs/${runId}/uploaded/${String(chunk).padStart(5, '0')}`,
  uploadedPrefix: (runId: string) => `runs/${runId}/uploaded/`,
  recorded: (runId: string, chunk: number) => `runs/${runId}/recorded/${String(chunk).padStart(5, '0')}`,
  recordedPrefix: (runId: string) => `runs/${runId}/recorded/`,
};

/** Recipients per chunk by default: one contact upload and one CreateMultiple each. */
export const DEFAULT_CHUNK_SIZE = 1000;

/** A GUID derived from a name (RFC 4122 version 5 layout): the same name gives the same id. */
export function nameGuid(name: string): string {
  const hash = createHash('sha1').update(`smsc:${name}`).digest();
  hash[6] = ((hash[6] as number) & 0x0f) | 0x50;
  hash[8] = ((hash[8] as number) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Octopush list names are at most 30 characters. */
export function providerListName(runId: string): string {
  return `smsc-${createHash('sha1').update(runId).digest('hex').slice(0, 20)}`;
}
