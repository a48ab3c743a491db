/**
 * The columns Dataverse gives every table, as platform exports list them: ownership and audit
 * columns for ordinary tables, and the columns a custom activity inherits from activitypointer
 * (reference §10.1, from Microsoft-built exports of custom activities).
 */
import { label, type Label } from '../../definitions/labels';
import { el } from '../xml/tree';
import { attributeXml, dateTime, globalChoice, localChoice, lookup, memo, text, whole, type AttributeSpec } from './attribute-xml';

const ACTIVITY_VERSION = '5.0.0.0';
const SYSTEM_VERSION = '1.0';
const GRID = 'ValidForAdvancedFind|ValidForForm|ValidForGrid';
const readOnly = { create: false, update: false } as const;

const OWNER = 8;
const TEAM = 9;
const BUSINESS_UNIT = 10;
const ACCOUNT = 1;
const CONTACT = 2;

interface Column {
  name: string;
  type: string;
  en: string;
  fr: string;
  spec?: Partial<AttributeSpec>;
}

function build(columns: Column[], version: string, entity: string): ReturnType<typeof attributeXml>[] {
  return columns.map((c) =>
    attributeXml({
      physicalName: c.name,
      type: c.type,
      introducedVersion: version,
      displayMask: GRID,
      label: label(c.en, c.fr),
      description: label(`${c.en} (${entity}).`, `${c.fr} (${entity}).`),
      ...c.spec,
    }),
  );
}

const yesNo = (en: string, fr: string): Array<{ value: number; label: Label }> => [
  { value: 1, label: label(`${en}: yes`, `${fr} : oui`) },
  { value: 0, label: label(`${en}: no`, `${fr} : non`) },
];

const stateOptions = (entity: string, activity: boolean) => {
  const states = activity
    ? [
        [0, 1, 'Open', 'Open', 'Ouvert'],
        [1, 2, 'Completed', 'Completed', 'Terminé'],
        [2, 3, 'Canceled', 'Canceled', 'Annulé'],
        [3, 4, 'Scheduled', 'Scheduled', 'Planifié'],
      ]
    : [
        [0, 1, 'Active', 'Active', 'Actif'],
        [1, 2, 'Inactive', 'Inactive', 'Inactif'],
      ];
  const stateXml = el(
    'states',
    {},
    ...states.map(([value, status, invariant, en, fr]) =>
      el('state', { value: value!, defaultstatus: status!, invariantname: invariant! }, el('labels', {}, el('label', { description: String(en), languagecode: 1033 }), el('label', { description: String(fr), languagecode: 1036 }))),
    ),
  );
  const statusXml = el(
    'statuses',
    {},
    ...states.map(([state, status, , en, fr]) =>
      el('status', { value: status!, state: state! }, el('labels', {}, el('label', { description: String(en), languagecode: 1033 }), el('label', { description: String(fr), languagecode: 1036 }))),
    ),
  );
  return {
    state: [el('optionset', { Name: `${entity}_statecode` }, el('OptionSetType', {}, 'state'), el('IntroducedVersion', {}, SYSTEM_VERSION), el('IsCustomizable', {}, '1'), el('displaynames', {}, el('displayname', { description: 'Status', languagecode: 1033 }), el('displayname', { description: 'Statut', languagecode: 1036 })), el('Descriptions', {}, el('Description', { description: 'Status of the row', languagecode: 1033 }), el('Description', { description: 'Statut de la ligne', languagecode: 1036 })), stateXml)],
    status: [el('optionset', { Name: `${entity}_statuscode` }, el('OptionSetType', {}, 'status'), el('IntroducedVersion', {}, SYSTEM_VERSION), el('IsCustomizable', {}, '1'), el('displaynames', {}, el('displayname', { description: 'Status Reason', languagecode: 1033 }), el('displayname', { description: 'Raison du statut', languagecode: 1036 })), el('Descriptions', {}, el('Description', { description: 'Reason for the status of the row', languagecode: 1033 }), el('Description', { description: 'Raison du statut de la ligne', languagecode: 1036 })), statusXml)],
  };
};

function auditColumns(): Column[] {
  return [
    { name: 'CreatedBy', type: 'lookup', en: 'Created By', fr: 'Créé par', spec: { ...readOnly, details: lookup('single', [OWNER]) } },
    { name: 'CreatedOn', type: 'datetime', en: 'Created On', fr: 'Créé le', spec: { ...readOnly, imeMode: 'inactive', details: dateTime('datetime') } },
    { name: 'CreatedOnBehalfBy', type: 'lookup', en: 'Created By (Delegate)', fr: 'Créé par (délégué)', spec: { ...readOnly, details: lookup('single', [OWNER]) } },
    { name: 'ImportSequenceNumber', type: 'int', en: 'Import Sequence Number', fr: 'Numéro séquentiel d’importation', spec: { update: false, displayMask: 'ValidForAdvancedFind', imeMode: 'disabled', details: whole(-2147483648, 2147483647) } },
    { name: 'ModifiedBy', type: 'lookup', en: 'Modified By', fr: 'Modifié par', spec: { ...readOnly, details: lookup('single', [OWNER]) } },
    { name: 'ModifiedOn', type: 'datetime', en: 'Modified On', fr: 'Modifié le', spec: { ...readOnly, imeMode: 'inactive', details: dateTime('datetime') } },
    { name: 'ModifiedOnBehalfBy', type: 'lookup', en: 'Modified By (Delegate)', fr: 'Modifié par (délégué)', spec: { ...readOnly, details: lookup('single', [OWNER]) } },
    { name: 'OverriddenCreatedOn', type: 'datetime', en: 'Record Created On', fr: 'Enregistrement créé le', spec: { update: false, imeMode: 'inactive', displayMask: 'ValidForAdvancedFind|ValidForGrid', details: dateTime('date') } },
    { name: 'TimeZoneRuleVersionNumber', type: 'int', en: 'Time Zone Rule Version Number', fr: 'Numéro de version de la règle du fuseau horaire', spec: { displayMask: undefined, details: whole(-1, 2147483647) } },
    { name: 'UTCConversionTimeZoneCode', type: 'int', en: 'UTC Conversion Time Zone Code', fr: 'Code du fuseau horaire de conversion UTC', spec: { displayMask: undefined, details: whole(-1, 2147483647) } },
    { name: 'VersionNumber', type: 'bigint', en: 'Version Number', fr: 'Numéro de version', spec: { ...readOnly, displayMask: undefined } },
  ];
}

function ownerColumns(): Column[] {
  return [
    { name: 'OwnerId', type: 'owner', en: 'Owner', fr: 'Propriétaire', spec: { required: 'systemrequired', displayMask: 'ValidForAdvancedFind|ValidForForm|ValidForGrid|RequiredForForm', details: lookup('single', [OWNER, TEAM]) } },
    { name: 'OwningBusinessUnit', type: 'lookup', en: 'Owning Business Unit', fr: 'Division propriétaire', spec: { ...readOnly, details: lookup('single', [BUSINESS_UNIT]) } },
    { name: 'OwningTeam', type: 'lookup', en: 'Owning Team', fr: 'Équipe propriétaire', spec: { ...readOnly, displayMask: undefined, details: lookup('single', [TEAM]) } },
    { name: 'OwningUser', type: 'lookup', en: 'Owning User', fr: 'Utilisateur propriétaire', spec: { ...readOnly, displayMask: undefined, details: lookup('single', [OWNER]) } },
  ];
}

/** Primary key, audit, ownership and state columns of an ordinary custom table. */
export function standardAttributes(entity: string, ownership: 'UserOwned' | 'OrgOwned', tableLabel: Label) {
  const states = stateOptions(entity, false);
  const columns: Column[] = [
    { name: `${entity}Id`, type: 'primarykey', en: tableLabel.en, fr: tableLabel.fr, spec: { required: 'systemrequired', update: false, displayMask: 'ValidForAdvancedFind|RequiredForGrid', imeMode: 'auto' } },
    ...auditColumns(),
    ...(ownership === 'UserOwned' ? ownerColumns() : [{ name: 'OrganizationId', type: 'lookup', en: 'Organization', fr: 'Organisation', spec: { ...readOnly, details: lookup('single', [1019]) } }]),
    { name: 'statecode', type: 'state', en: 'Status', fr: 'Statut', spec: { required: 'systemrequired', create: false, details: [el('AppDefaultValue', {}, '0'), ...states.state] } },
    { name: 'statuscode', type: 'status', en: 'Status Reason', fr: 'Raison du statut', spec: { details: [el('AppDefaultValue', {}, '-1'), ...states.status] } },
  ];
  return build(columns, SYSTEM_VERSION, entity);
}

/** The columns a custom activity inherits from activitypointer (everything but ServiceId). */
export function activityAttributes(entity: string) {
  const states = stateOptions(entity, true);
  const parties = (style: 'single' | 'multi', types: number[]) => [el('IsLogical', {}, '1'), ...lookup(style, types)];
  const columns: Column[] = [
    { name: 'ActivityAdditionalParams', type: 'ntext', en: 'Additional Parameters', fr: 'Paramètres supplémentaires', spec: { displayMask: undefined, details: memo(8192, 'textarea') } },
    { name: 'ActivityId', type: 'primarykey', en: 'Activity', fr: 'Activité', spec: { required: 'systemrequired', update: false, displayMask: 'ValidForAdvancedFind|RequiredForGrid' } },
    { name: 'ActivityTypeCode', type: 'picklist', en: 'Activity Type', fr: 'Type d’activité', spec: { required: 'systemrequired', ...readOnly, details: globalChoice('activitypointer_activitytypecode') } },
    { name: 'ActualDurationMinutes', type: 'int', en: 'Actual Duration', fr: 'Durée réelle', spec: { details: whole(0, 2147483647, 'duration') } },
    { name: 'ActualEnd', type: 'datetime', en: 'Actual End', fr: 'Fin réelle', spec: { imeMode: 'inactive', details: dateTime('date') } },
    { name: 'ActualStart', type: 'datetime', en: 'Actual Start', fr: 'Début réel', spec: { imeMode: 'inactive', details: dateTime('date') } },
    { name: 'BCC', type: 'partylist', en: 'BCC', fr: 'Cci', spec: { details: parties('multi', [OWNER, ACCOUNT, CONTACT]) } },
    { name: 'CC', type: 'partylist', en: 'CC', fr: 'Cc', spec: { details: parties('multi', [OWNER, ACCOUNT, CONTACT]) } },
    { name: 'Community', type: 'picklist', en: 'Social Channel', fr: 'Canal social', spec: { details: globalChoice('socialprofile_community') } },
    ...auditColumns().filter((c) => c.name !== 'VersionNumber'),
    { name: 'Customers', type: 'partylist', en: 'Customers', fr: 'Clients', spec: { details: parties('multi', [ACCOUNT, CONTACT]) } },
    { name: 'DeliveryLastAttemptedOn', type: 'datetime', en: 'Date Delivery Last Attempted', fr: 'Date de la dernière tentative de remise', spec: { ...readOnly, details: dateTime('datetime') } },
    { name: 'DeliveryPriorityCode', type: 'picklist', en: 'Delivery Priority', fr: 'Priorité de remise', spec: { details: globalChoice('activitypointer_deliveryprioritycode') } },
    { name: 'Description', type: 'ntext', en: 'Description', fr: 'Description', spec: { details: memo(2000, 'textarea') } },
    { name: 'ExchangeItemId', type: 'nvarchar', en: 'Exchange Item ID', fr: 'ID d’élément Exchange', spec: { details: text(200) } },
    { name: 'ExchangeWebLink', type: 'nvarchar', en: 'Exchange WebLink', fr: 'Lien web Exchange', spec: { details: text(1250) } },
    { name: 'From', type: 'partylist', en: 'From', fr: 'De', spec: { details: parties('single', [OWNER, ACCOUNT, CONTACT]) } },
    { name: 'InstanceTypeCode', type: 'picklist', en: 'Recurring Instance Type', fr: 'Type d’instance périodique', spec: { required: 'systemrequired', ...readOnly, details: localChoice('picklist', `${entity}_instancetypecode`, label('Recurring Instance Type', 'Type d’instance périodique'), [
      { value: 0, label: label('Not Recurring', 'Non périodique') },
      { value: 1, label: label('Recurring Master', 'Principale périodique') },
      { value: 2, label: label('Recurring Instance', 'Instance périodique') },
      { value: 3, label: label('Recurring Exception', 'Exception périodique') },
      { value: 4, label: label('Recurring Future Exception', 'Exception périodique future') },
    ], 0, ACTIVITY_VERSION) } },
    { name: 'IsBilled', type: 'bit', en: 'Is Billed', fr: 'Facturé', spec: { details: localChoice('bit', `${entity}_isbilled`, label('Is Billed', 'Facturé'), yesNo('Billed', 'Facturé'), 0, ACTIVITY_VERSION) } },
    { name: 'IsMapiPrivate', type: 'bit', en: 'Is Private', fr: 'Privé', spec: { details: localChoice('bit', `${entity}_ismapiprivate`, label('Is Private', 'Privé'), yesNo('Private', 'Privé'), 0, ACTIVITY_VERSION) } },
    { name: 'IsRegularActivity', type: 'bit', en: 'Is Regular Activity', fr: 'Activité standard', spec: { required: 'systemrequired', ...readOnly, details: globalChoice('activitypointer_isregularactivity', 1) } },
    { name: 'IsWorkflowCreated', type: 'bit', en: 'Is Workflow Created', fr: 'Créé par un workflow', spec: { details: localChoice('bit', `${entity}_isworkflowcreated`, label('Is Workflow Created', 'Créé par un workflow'), yesNo('Created by a workflow', 'Créé par un workflow'), 0, ACTIVITY_VERSION) } },
    { name: 'LastOnHoldTime', type: 'datetime', en: 'Last On Hold Time', fr: 'Dernière mise en attente', spec: { details: dateTime('datetime') } },
    { name: 'LeftVoiceMail', type: 'bit', en: 'Left Voice Mail', fr: 'Message vocal laissé', spec: { details: localChoice('bit', `${entity}_leftvoicemail`, label('Left Voice Mail', 'Message vocal laissé'), yesNo('Voice mail left', 'Message vocal laissé'), 0, ACTIVITY_VERSION) } },
    { name: 'OnHoldTime', type: 'int', en: 'On Hold Time (Minutes)', fr: 'Durée d’attente (minutes)', spec: { ...readOnly, details: whole(-2147483648, 2147483647) } },
    { name: 'OptionalAttendees', type: 'partylist', en: 'Optional Attendees', fr: 'Participants facultatifs', spec: { details: parties('multi', [OWNER, ACCOUNT, CONTACT]) } },
    { name: 'Organizer', type: 'partylist', en: 'Organizer', fr: 'Organisateur', spec: { details: parties('single', [OWNER]) } },
    ...ownerColumns(),
    { name: 'Partners', type: 'partylist', en: 'Outsource Vendors', fr: 'Fournisseurs externes', spec: { details: parties('multi', [ACCOUNT, CONTACT]) } },
    { name: 'PostponeActivityProcessingUntil', type: 'datetime', en: 'Delay activity processing until', fr: 'Différer le traitement jusqu’au', spec: { ...readOnly, details: dateTime('datetime') } },
    { name: 'PriorityCode', type: 'picklist', en: 'Priority', fr: 'Priorité', spec: { details: localChoice('picklist', `${entity}_prioritycode`, label('Priority', 'Priorité'), [
      { value: 0, label: label('Low', 'Faible') },
      { value: 1, label: label('Normal', 'Normale') },
      { value: 2, label: label('High', 'Élevée') },
    ], 1, ACTIVITY_VERSION) } },
    { name: 'ProcessId', type: 'uniqueidentifier', en: 'Process', fr: 'Processus', spec: { displayMask: undefined } },
    { name: 'RegardingObjectId', type: 'lookup', en: 'Regarding', fr: 'Concernant', spec: { details: [el('LookupStyle', {}, 'single')] } },
    { name: 'RequiredAttendees', type: 'partylist', en: 'Required Attendees', fr: 'Participants obligatoires', spec: { details: parties('multi', [OWNER, ACCOUNT, CONTACT]) } },
    { name: 'Resources', type: 'partylist', en: 'Resources', fr: 'Ressources', spec: { details: parties('multi', [OWNER]) } },
    { name: 'ScheduledDurationMinutes', type: 'int', en: 'Scheduled Duration', fr: 'Durée planifiée', spec: { details: whole(0, 2147483647, 'duration') } },
    { name: 'ScheduledEnd', type: 'datetime', en: 'Due Date', fr: 'Date d’échéance', spec: { imeMode: 'inactive', details: dateTime('datetime') } },
    { name: 'ScheduledStart', type: 'datetime', en: 'Start Date', fr: 'Date de début', spec: { imeMode: 'inactive', details: dateTime('datetime') } },
    { name: 'SenderMailboxId', type: 'lookup', en: 'Sender’s Mailbox', fr: 'Boîte aux lettres de l’expéditeur', spec: { ...readOnly, details: lookup('single', [9606]) } },
    { name: 'SentOn', type: 'datetime', en: 'Date Sent', fr: 'Date d’envoi', spec: { ...readOnly, details: dateTime('datetime') } },
    { name: 'SeriesId', type: 'uniqueidentifier', en: 'Series Id', fr: 'ID de série', spec: { displayMask: undefined } },
    { name: 'SLAId', type: 'lookup', en: 'SLA', fr: 'Contrat SLA', spec: { details: lookup('single', [9750]) } },
    { name: 'SLAInvokedId', type: 'lookup', en: 'Last SLA applied', fr: 'Dernier contrat SLA appliqué', spec: { ...readOnly, details: lookup('single', [9750]) } },
    { name: 'SortDate', type: 'datetime', en: 'Sort Date', fr: 'Date de tri', spec: { details: dateTime('datetime') } },
    { name: 'StageId', type: 'uniqueidentifier', en: '(Deprecated) Process Stage', fr: '(Déconseillé) Étape du processus', spec: { displayMask: undefined } },
    { name: 'StateCode', type: 'state', en: 'Activity Status', fr: 'Statut de l’activité', spec: { required: 'systemrequired', create: false, details: [el('AppDefaultValue', {}, '0'), ...states.state] } },
    { name: 'StatusCode', type: 'status', en: 'Status Reason', fr: 'Raison du statut', spec: { details: [el('AppDefaultValue', {}, '-1'), ...states.status] } },
    { name: 'Subject', type: 'nvarchar', en: 'Subject', fr: 'Objet', spec: { required: 'required', displayMask: 'QueueItemTitle|PrimaryName|ValidForAdvancedFind|ValidForForm|ValidForGrid|RequiredForForm|RequiredForGrid', details: text(400) } },
    { name: 'To', type: 'partylist', en: 'Recipient', fr: 'Destinataire', spec: { details: parties('multi', [OWNER, ACCOUNT, CONTACT]) } },
    { name: 'TraversedPath', type: 'nvarchar', en: '(Deprecated) Traversed Path', fr: '(Déconseillé) Chemin parcouru', spec: { displayMask: undefined, details: text(1250) } },
    { name: 'VersionNumber', type: 'bigint', en: 'Version Number', fr: 'Numéro de version', spec: { ...readOnly, displayMask: undefined } },
  ];
  return build(columns, ACTIVITY_VERSION, entity);
}
