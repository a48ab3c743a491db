/**
 * The eight prebuilt processes of the guide ("Hooks pré-paramétrés"), shipped as Draft background
 * workflows. Each creates a Queued SMS (Create record: SMS) that the webhook step on smsc_sms
 * forwards to the backend, so no workflow depends on a Custom API message id.
 */
import { SmsType } from '@smsc/core';
import { label, type Label } from './labels';
import type { SolutionName } from './solutions';

export interface ProcessDefinition {
  /** File-name key; the workflow id is derived from it. */
  key: string;
  name: Label;
  entity: string;
  solution: SolutionName;
  trigger: { onCreate: boolean; onUpdate?: string[] };
  /** "If <entity>:Status equals …" */
  stateIs?: { value: number; label: string };
  /** "If <column> contains data" */
  requires?: string;
  /** "Wait until execution time ≥ created on + N days, then if modified on = created on". */
  inactiveForDays?: number;
  /** `customer`: the account if the customer lookup is an account, else the contact; `self`: the contact itself. */
  recipient: { kind: 'customer'; lookup: string } | { kind: 'self' };
  smsType: number;
  subject: Label;
  text: Label;
}

const statusChanged = { onCreate: false, onUpdate: ['statecode'] };

export const processes: ProcessDefinition[] = [
  {
    key: 'SendSmsOrderFulfilled',
    name: label('Send SMS - Order fulfilled', 'Envoi de SMS - Commande validée'),
    entity: 'salesorder',
    solution: 'SmsConnectorSales',
    trigger: statusChanged,
    stateIs: { value: 3, label: 'Fulfilled' },
    recipient: { kind: 'customer', lookup: 'customerid' },
    smsType: SmsType.Transactional,
    subject: label('Order fulfilled', 'Commande validée'),
    text: label('Your order no. [regarding:ordernumber] of [regarding:totalamount] has been fulfilled.', 'Votre commande n°[regarding:ordernumber] d’un montant de [regarding:totalamount] a été validée.'),
  },
  {
    key: 'SendSmsOrderCanceled',
    name: label('Send SMS - Order canceled', 'Envoi de SMS - Commande annulée'),
    entity: 'salesorder',
    solution: 'SmsConnectorSales',
    trigger: statusChanged,
    stateIs: { value: 2, label: 'Canceled' },
    recipient: { kind: 'customer', lookup: 'customerid' },
    smsType: SmsType.Transactional,
    subject: label('Order canceled', 'Commande annulée'),
    text: label('Your order no. [regarding:ordernumber] of [regarding:totalamount] has been canceled.', 'Votre commande n°[regarding:ordernumber] d’un montant de [regarding:totalamount] a été annulée.'),
  },
  {
    key: 'SendSmsQuoteActivated',
    name: label('Send SMS - Quote activated', 'Envoi de SMS - Devis établi'),
    entity: 'quote',
    solution: 'SmsConnectorSales',
    trigger: statusChanged,
    stateIs: { value: 1, label: 'Active' },
    recipient: { kind: 'customer', lookup: 'customerid' },
    smsType: SmsType.Transactional,
    subject: label('Quote activated', 'Devis établi'),
    text: label('Quote no. [regarding:quotenumber] of [regarding:totalamount] has been issued.', 'Le devis n°[regarding:quotenumber] d’un montant de [regarding:totalamount] a été établi.'),
  },
  {
    key: 'SendSmsInvoicePaid',
    name: label('Send SMS - Invoice paid', 'Envoi de SMS - Facture réglée'),
    entity: 'invoice',
    solution: 'SmsConnectorSales',
    trigger: statusChanged,
    stateIs: { value: 2, label: 'Paid' },
    recipient: { kind: 'customer', lookup: 'customerid' },
    smsType: SmsType.Transactional,
    subject: label('Invoice paid', 'Facture réglée'),
    text: label('Your invoice no. [regarding:invoicenumber] of [regarding:totalamount] has been paid.', 'Votre facture n°[regarding:invoicenumber] d’un montant de [regarding:totalamount] a été réglée.'),
  },
  {
    key: 'SendSmsNewCaseAcknowledgement',
    name: label('Send SMS - New case acknowledgement', 'Envoi de SMS - Accusé de réception nouvel incident'),
    entity: 'incident',
    solution: 'SmsConnectorService',
    trigger: { onCreate: true },
    recipient: { kind: 'customer', lookup: 'customerid' },
    smsType: SmsType.Transactional,
    subject: label('New case acknowledgement', 'Accusé de réception d’incident'),
    text: label('Support case no. [regarding:ticketnumber] has been created.', 'Le cas de support n°[regarding:ticketnumber] a été créé.'),
  },
  {
    key: 'SendSmsCaseResolved',
    name: label('Send SMS - Case resolved', 'Envoi de SMS - Incident résolu'),
    entity: 'incident',
    solution: 'SmsConnectorService',
    trigger: statusChanged,
    stateIs: { value: 1, label: 'Resolved' },
    recipient: { kind: 'customer', lookup: 'customerid' },
    smsType: SmsType.Transactional,
    subject: label('Case resolved', 'Incident résolu'),
    text: label('Case no. [regarding:ticketnumber] has been resolved.', 'L’incident n°[regarding:ticketnumber] a été résolu.'),
  },
  {
    key: 'SendSmsMemberSignUp',
    name: label('Send SMS - Member sign-up', 'Envoi de SMS - Inscription d’un membre'),
    entity: 'contact',
    solution: 'SmsConnector',
    trigger: { onCreate: true },
    requires: 'mobilephone',
    recipient: { kind: 'self' },
    smsType: SmsType.Transactional,
    subject: label('Member sign-up', 'Inscription d’un membre'),
    text: label('Your registration is confirmed.', 'Votre inscription est confirmée.'),
  },
  {
    key: 'SendSmsInactiveContact90Days',
    name: label('Send SMS - Inactive contact for 90 days', 'Envoi de SMS - Relance d’un contact inactif depuis 90 jours'),
    entity: 'contact',
    solution: 'SmsConnector',
    trigger: { onCreate: true },
    inactiveForDays: 90,
    recipient: { kind: 'self' },
    smsType: SmsType.Marketing,
    subject: label('Inactive contact', 'Contact inactif'),
    text: label('We have not seen you for a long time. We miss you!', 'Nous constatons que vous ne nous avez pas rendu visite depuis longtemps. Vous nous manquez !'),
  },
];
