/** The wiring the solution ships and the registration completes (docs/surface.md). */
export const ENDPOINT_NAME = 'smsc_SmsConnectorBackend';
export const BACKEND_URL_VARIABLE = 'smsc_BackendUrl';
export const WEBHOOK_PATH = '/api/dataverse/webhook';

/** Custom API messages handled by the backend through synchronous post-operation steps. */
export const CUSTOM_API_MESSAGES = [
  { name: 'smsc_SendSms', solution: 'SmsConnector' },
  { name: 'smsc_SendSmsToRecipient', solution: 'SmsConnector' },
  { name: 'smsc_CheckCredit', solution: 'SmsConnector' },
  { name: 'smsc_SimulateCampaign', solution: 'SmsConnectorSales' },
  { name: 'smsc_PrepareCampaign', solution: 'SmsConnectorSales' },
  { name: 'smsc_SendCampaign', solution: 'SmsConnectorSales' },
  { name: 'smsc_CancelCampaign', solution: 'SmsConnectorSales' },
  { name: 'smsc_RefreshCampaignStatus', solution: 'SmsConnectorSales' },
] as const;

/** serviceendpoint.contract 8 = Webhook; authtype 4 = WebhookKey (sent as ?code=); messageformat 2 = JSON. */
export const WEBHOOK_CONTRACT = 8;
export const AUTH_WEBHOOK_KEY = 4;
export const MESSAGE_FORMAT_JSON = 2;
/** sdkmessageprocessingstep: stage 40 post-operation, mode 0 synchronous. */
export const STAGE_POST_OPERATION = 40;
export const MODE_SYNCHRONOUS = 0;
