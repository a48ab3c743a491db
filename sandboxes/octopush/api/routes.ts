// Octopush v1 endpoints the sandbox speaks, under /v1/public (base https://api.octopush.com/v1/public).
import { cancelSmsCampaign } from './cancel';
import { createContactList, createContacts } from './contacts';
import type { OctopushHandler } from './context';
import { cancelListCampaign, createListCampaign, listCampaignStatus, sendListCampaign } from './list-campaign';
import { sendSmsCampaign } from './send';
import { checkBalance, checkCredits } from './wallet';

export const API_PREFIX = '/v1/public';

export const ROUTES: Record<string, Partial<Record<string, OctopushHandler>>> = {
  '/sms-campaign/send': { POST: sendSmsCampaign },
  '/sms-campaign/cancel': { DELETE: cancelSmsCampaign },
  '/wallet/check-balance': { GET: checkBalance },
  '/wallet/check-credits': { GET: checkCredits },
  '/contact-list/create': { POST: createContactList },
  '/contact/create': { POST: createContacts },
  '/sms-campaign-on-list/create': { POST: createListCampaign },
  '/sms-campaign-on-tag/create': { POST: createListCampaign },
  '/sms-campaign-on-list/status': { GET: listCampaignStatus },
  '/sms-campaign-on-list/send': { POST: sendListCampaign },
  '/sms-campaign-on-tag/send': { POST: sendListCampaign },
  '/sms-campaign-on-list/cancel': { DELETE: cancelListCampaign },
};
