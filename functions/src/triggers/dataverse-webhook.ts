import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { DeliveryStatus } from '@smsc/core';
import { services } from '../composition';
import { hasWebhookKey } from '../http/auth';
import { InvalidContextError, isEntityReference, parseWebhookContext, type WebhookContext } from '../dataverse/remote-context';
import { isRetryable } from '../errors';
import { http } from '../registry';
import type { SendOutcome } from '../services/send-sms';
import type { RecipientRequestOutcome } from '../services/send-to-recipient';

const json = (status: number, body: unknown): HttpResponseInit => ({ status, jsonBody: body, headers: { 'content-type': 'application/json; charset=utf-8' } });

/**
 * The single receiver of Dataverse's service endpoint: Custom API calls (synchronous steps) and
 * the Create/Update steps of smsc_sms (asynchronous). A non-2xx answer makes Dataverse fail a
 * synchronous call with our message, or retry an asynchronous one.
 */
export async function dataverseWebhook(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const app = services();
  if (!hasWebhookKey(request, app.settings.webhookKey, app.settings.webhookHeaderName)) {
    return json(401, { message: 'Missing or wrong webhook key.' });
  }
  let dv: WebhookContext;
  try {
    dv = parseWebhookContext(await request.json());
  } catch (error) {
    const message = error instanceof InvalidContextError ? error.message : 'The body is not JSON.';
    return json(400, { message });
  }
  context.log(`Dataverse ${dv.messageName} on ${dv.primaryEntityName} ${dv.primaryEntityId} (mode ${dv.mode}, depth ${dv.depth})`);
  try {
    return await route(dv);
  } catch (error) {
    context.error(`Dataverse ${dv.messageName} failed`, error);
    const message = error instanceof Error ? error.message : String(error);
    return json(isRetryable(error) ? 503 : 500, { message });
  }
}

async function route(dv: WebhookContext): Promise<HttpResponseInit> {
  const app = services();
  const user = dv.initiatingUserId ?? dv.userId;
  switch (dv.messageName) {
    case 'smsc_SendSms': {
      const target = dv.inputs.Target;
      const smsId = isEntityReference(target) ? target.id : dv.primaryEntityId;
      return sendAnswer(await app.sender.send(smsId, 'api', user), 'api');
    }
    case 'smsc_SendSmsToRecipient':
      return sendAnswer(await app.sendToRecipient.run(dv.inputs, user), 'api');
    case 'smsc_CheckCredit': {
      const outcome = await app.credit.refresh(await app.languages.of(user));
      return json(outcome.ok ? 200 : 400, outcome);
    }
    case 'Create':
    case 'Update': {
      if (dv.primaryEntityName !== 'smsc_sms') return json(400, { message: `${dv.messageName} of ${dv.primaryEntityName} is not handled here.` });
      const status = dv.target?.smsc_deliverystatus ?? dv.postImage?.smsc_deliverystatus;
      // The step filters on the delivery status; anything but Queued (our own write-backs) is not a send request.
      if (status !== DeliveryStatus.Queued) return json(200, { ok: true, message: 'Not queued: nothing to send.' });
      return sendAnswer(await app.sender.send(dv.primaryEntityId, 'queued', user), 'queued');
    }
    case 'smsc_SimulateCampaign':
    case 'smsc_PrepareCampaign':
    case 'smsc_SendCampaign':
    case 'smsc_CancelCampaign':
    case 'smsc_RefreshCampaignStatus': {
      if (!app.campaigns) return json(503, { message: 'Campaigns need the backend storage (AzureWebJobsStorage), which is not configured.' });
      const target = dv.inputs.Target;
      const campaignId = isEntityReference(target) ? target.id : dv.primaryEntityId;
      const service = app.campaigns.service;
      const outcome =
        dv.messageName === 'smsc_SimulateCampaign'
          ? await service.start(campaignId, 'simulate', user)
          : dv.messageName === 'smsc_PrepareCampaign'
            ? await service.start(campaignId, 'prepare', user)
            : dv.messageName === 'smsc_SendCampaign'
              ? await service.send(campaignId, user)
              : dv.messageName === 'smsc_CancelCampaign'
                ? await service.cancel(campaignId, user)
                : await service.refresh(campaignId, user);
      return json(outcome.ok ? 200 : outcome.retryable ? 503 : 400, outcome);
    }
    default:
      return json(400, { message: `The message ${dv.messageName} is not handled by this backend.` });
  }
}

function sendAnswer(outcome: SendOutcome | RecipientRequestOutcome, trigger: 'api' | 'queued'): HttpResponseInit {
  if (outcome.ok) return json(200, outcome);
  // Queued SMS: the failure is written on the SMS; only a transient one asks Dataverse to retry.
  if (trigger === 'queued') return json(outcome.retryable ? 503 : 200, outcome);
  return json(outcome.retryable ? 503 : 400, outcome);
}

http('dataverseWebhook', { methods: ['POST'], authLevel: 'anonymous', route: 'dataverse/webhook', handler: dataverseWebhook });
