/**
 * Option values of the solution's choices. The publisher's option value prefix is 27130, so
 * values start at 271,300,000; they are part of the product contract (workflows, Power Automate
 * flows and reports store them) and never change once shipped.
 */
const BASE = 271_300_000;

export const SmsType = { Marketing: BASE, Transactional: BASE + 1 } as const;
export const SmsDirection = { Outbound: BASE, Inbound: BASE + 1 } as const;
export const DeliveryStatus = {
  Draft: BASE,
  Queued: BASE + 1,
  Scheduled: BASE + 2,
  Submitted: BASE + 3,
  Delivered: BASE + 4,
  Failed: BASE + 5,
  Canceled: BASE + 6,
  Received: BASE + 7,
} as const;
export const TemplateStatus = { Draft: BASE, Published: BASE + 1 } as const;
export const CampaignSmsStatus = {
  NotTransmitted: BASE,
  Building: BASE + 1,
  Ready: BASE + 2,
  Sent: BASE + 3,
  Failed: BASE + 4,
} as const;
export const SmsProvider = { Octopush: BASE, Twilio: BASE + 1, AzureCommunicationServices: BASE + 2 } as const;
export const RecipientType = { Contact: BASE, Lead: BASE + 1, Account: BASE + 2 } as const;
export const OptOutSource = { StopReply: BASE, Manual: BASE + 1, Import: BASE + 2 } as const;

/** Reverse lookup: the name of an option value within one choice. */
export function choiceName<T extends Record<string, number>>(choice: T, value: number | null | undefined): keyof T | undefined {
  return (Object.keys(choice) as Array<keyof T>).find((k) => choice[k] === value);
}
