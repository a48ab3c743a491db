/**
 * The standard tables the product touches, with their real logical names, entity sets, primary
 * keys, lookups and state/status codes (Microsoft's entity reference pages: contact, lead,
 * account, campaign, list, listmember, campaignitem, salesorder, incident, quote, invoice,
 * activitypointer, activityparty, serviceendpoint, sdkmessage*, asyncoperation, customapi…).
 * Only the columns a product or a demo reads are declared; imported solutions add theirs.
 */
import { col, defineTable, opt, stateStatus } from './build';
import { AttributeDef, label, ManyToManyDef, OneToManyDef, TableDef } from './model';

/** The states and status reasons of an activity (custom activities get these too). */
export const ACTIVITY_STATES = stateStatus(
  [
    [0, 'Open', 1],
    [1, 'Completed', 2],
    [2, 'Canceled', 3],
    [3, 'Scheduled', 4],
  ],
  [
    [1, 'Open', 0],
    [2, 'Completed', 1],
    [3, 'Canceled', 2],
    [4, 'Scheduled', 3],
  ],
);

/** The columns every activity inherits from activitypointer. */
export function activityColumns(): AttributeDef[] {
  return [
    col.text('subject', 400, 'Subject', 'Objet', { required: true }),
    col.memo('description', 2000, 'Description', 'Description'),
    col.entityName('activitytypecode', 'Activity Type', "Type d'activité", { readOnly: true }),
    col.lookup('regardingobjectid', ['*'], 'Regarding', 'Concernant'),
    col.date('scheduledstart', 'Start Date', 'Date de début'),
    col.date('scheduledend', 'Due Date', "Date d'échéance"),
    col.date('actualstart', 'Actual Start', 'Début réel'),
    col.date('actualend', 'Actual End', 'Fin réelle'),
    col.int('actualdurationminutes', 'Actual Duration', 'Durée réelle'),
    col.choice('prioritycode', 'Priority', 'Priorité', [opt(0, 'Low', 'Faible'), opt(1, 'Normal', 'Normale'), opt(2, 'High', 'Élevée')], { defaultValue: 1 }),
    col.bool('isregularactivity', 'Is Regular Activity', undefined, 'Yes', 'No', { readOnly: true }),
    col.partyList('to', 'To', 'À'),
    col.partyList('from', 'From', 'De'),
    col.partyList('cc', 'CC', 'Cc'),
    col.partyList('bcc', 'BCC', 'Cci'),
  ];
}

const contact = defineTable(
  { logicalName: 'contact', entitySetName: 'contacts', primaryNameAttribute: 'fullname', label: label('Contact', 'Contact'), collectionLabel: label('Contacts', 'Contacts'), objectTypeCode: 2, isActivityParty: true },
  [
    col.text('firstname', 50, 'First Name', 'Prénom'),
    col.text('lastname', 50, 'Last Name', 'Nom'),
    col.text('middlename', 50, 'Middle Name', 'Deuxième prénom'),
    col.text('fullname', 160, 'Full Name', 'Nom complet', { readOnly: true }),
    col.text('yomifullname', 450, 'Yomi Full Name', undefined, { readOnly: true }),
    col.text('salutation', 100, 'Salutation', 'Titre'),
    col.text('jobtitle', 100, 'Job Title', 'Fonction'),
    col.text('emailaddress1', 100, 'Email', 'Adresse e-mail'),
    col.text('mobilephone', 50, 'Mobile Phone', 'Téléphone mobile'),
    col.text('telephone1', 50, 'Business Phone', 'Téléphone professionnel'),
    col.text('telephone2', 50, 'Home Phone', 'Téléphone personnel'),
    col.text('address1_line1', 250, 'Address 1: Street 1', 'Adresse 1 : rue 1'),
    col.text('address1_city', 80, 'Address 1: City', 'Adresse 1 : ville'),
    col.text('address1_postalcode', 20, 'Address 1: ZIP/Postal Code', 'Adresse 1 : code postal'),
    col.text('address1_country', 80, 'Address 1: Country/Region', 'Adresse 1 : pays/région'),
    col.customer('parentcustomerid', 'Company Name', 'Nom de la société'),
    col.dateOnly('birthdate', 'Birthday', 'Date de naissance'),
    col.choice('gendercode', 'Gender', 'Sexe', [opt(1, 'Male', 'Homme'), opt(2, 'Female', 'Femme')]),
    col.choice('preferredcontactmethodcode', 'Preferred Method of Contact', 'Mode de contact préféré', [opt(1, 'Any', 'Tous'), opt(2, 'Email', 'E-mail'), opt(3, 'Phone', 'Téléphone'), opt(4, 'Fax', 'Télécopie'), opt(5, 'Mail', 'Courrier')], { defaultValue: 1 }),
    col.bool('donotphone', 'Do not allow Phone Calls', 'Ne pas autoriser les appels', 'Do Not Allow', 'Allow'),
    col.bool('donotbulkemail', 'Do not allow Bulk Emails', 'Ne pas autoriser les courriers en nombre', 'Do Not Allow', 'Allow'),
    col.money('creditlimit', 'Credit Limit', 'Limite de crédit'),
    col.lookup('transactioncurrencyid', ['transactioncurrency'], 'Currency', 'Devise'),
    col.date('lastusedincampaign', 'Last Date Included in Campaign', 'Dernière date incluse dans une campagne'),
    col.memo('description', 2000, 'Description', 'Description'),
  ],
);

const account = defineTable(
  { logicalName: 'account', entitySetName: 'accounts', primaryNameAttribute: 'name', label: label('Account', 'Compte'), collectionLabel: label('Accounts', 'Comptes'), objectTypeCode: 1, isActivityParty: true },
  [
    col.text('name', 160, 'Account Name', 'Nom du compte', { required: true }),
    col.text('accountnumber', 20, 'Account Number', 'Numéro de compte'),
    col.text('telephone1', 50, 'Main Phone', 'Téléphone principal'),
    col.text('telephone2', 50, 'Other Phone', 'Autre téléphone'),
    col.text('emailaddress1', 100, 'Email', 'Adresse e-mail'),
    col.text('websiteurl', 200, 'Website', 'Site web'),
    col.text('address1_city', 80, 'Address 1: City', 'Adresse 1 : ville'),
    col.text('address1_country', 80, 'Address 1: Country/Region', 'Adresse 1 : pays/région'),
    col.lookup('primarycontactid', ['contact'], 'Primary Contact', 'Contact principal'),
    col.lookup('parentaccountid', ['account'], 'Parent Account', 'Compte parent'),
    col.money('revenue', 'Annual Revenue', 'Chiffre d’affaires annuel'),
    col.int('numberofemployees', 'Number of Employees', "Nombre d'employés"),
    col.choice('industrycode', 'Industry', 'Secteur', [opt(1, 'Accounting', 'Comptabilité'), opt(7, 'Consulting', 'Conseil'), opt(19, 'Retail', 'Vente au détail'), opt(33, 'Transportation', 'Transport')]),
    col.lookup('transactioncurrencyid', ['transactioncurrency'], 'Currency', 'Devise'),
    col.memo('description', 2000, 'Description', 'Description'),
  ],
);

const lead = defineTable(
  {
    logicalName: 'lead',
    entitySetName: 'leads',
    primaryNameAttribute: 'fullname',
    label: label('Lead', 'Prospect'),
    collectionLabel: label('Leads', 'Prospects'),
    objectTypeCode: 4,
    isActivityParty: true,
    states: stateStatus(
      [
        [0, 'Open', 1],
        [1, 'Qualified', 3],
        [2, 'Disqualified', 4],
      ],
      [
        [1, 'New', 0],
        [2, 'Contacted', 0],
        [3, 'Qualified', 1],
        [4, 'Lost', 2],
        [5, 'Cannot Contact', 2],
        [6, 'No Longer Interested', 2],
        [7, 'Canceled', 2],
      ],
    ),
  },
  [
    col.text('subject', 300, 'Topic', 'Sujet'),
    col.text('firstname', 50, 'First Name', 'Prénom'),
    col.text('lastname', 50, 'Last Name', 'Nom'),
    col.text('fullname', 160, 'Name', 'Nom', { readOnly: true }),
    col.text('companyname', 100, 'Company Name', 'Nom de la société'),
    col.text('jobtitle', 100, 'Job Title', 'Fonction'),
    col.text('emailaddress1', 100, 'Email', 'Adresse e-mail'),
    col.text('mobilephone', 20, 'Mobile Phone', 'Téléphone mobile'),
    col.text('telephone1', 50, 'Business Phone', 'Téléphone professionnel'),
    col.text('address1_city', 80, 'Address 1: City', 'Adresse 1 : ville'),
    col.text('address1_country', 80, 'Address 1: Country/Region', 'Adresse 1 : pays/région'),
    col.choice('leadsourcecode', 'Lead Source', 'Origine du prospect', [opt(1, 'Advertisement', 'Publicité'), opt(4, 'Partner', 'Partenaire'), opt(8, 'Web', 'Web'), opt(10, 'Other', 'Autre')]),
    col.lookup('parentaccountid', ['account'], 'Account', 'Compte'),
    col.lookup('parentcontactid', ['contact'], 'Contact', 'Contact'),
    col.lookup('campaignid', ['campaign'], 'Source Campaign', 'Campagne source'),
    col.lookup('transactioncurrencyid', ['transactioncurrency'], 'Currency', 'Devise'),
    col.memo('description', 2000, 'Description', 'Description'),
  ],
);

const systemuser = defineTable(
  { logicalName: 'systemuser', entitySetName: 'systemusers', primaryNameAttribute: 'fullname', label: label('User', 'Utilisateur'), collectionLabel: label('Users', 'Utilisateurs'), objectTypeCode: 8, ownership: 'BusinessOwned', isActivityParty: true, states: 'none' },
  [
    col.text('fullname', 200, 'Full Name', 'Nom complet', { readOnly: true }),
    col.text('firstname', 64, 'First Name', 'Prénom'),
    col.text('lastname', 64, 'Last Name', 'Nom'),
    col.text('domainname', 1024, 'User Name', "Nom d'utilisateur"),
    col.text('internalemailaddress', 100, 'Primary Email', 'Adresse e-mail principale'),
    col.text('mobilephone', 64, 'Mobile Phone', 'Téléphone mobile'),
    col.guid('azureactivedirectoryobjectid', 'Azure AD Object ID'),
    col.guid('applicationid', 'Application ID'),
    col.lookup('businessunitid', ['businessunit'], 'Business Unit', 'Division'),
    col.bool('isdisabled', 'Status', 'Statut', 'Disabled', 'Enabled'),
  ],
);

const team = defineTable(
  { logicalName: 'team', entitySetName: 'teams', primaryNameAttribute: 'name', label: label('Team', 'Équipe'), collectionLabel: label('Teams', 'Équipes'), objectTypeCode: 9, ownership: 'BusinessOwned', states: 'none' },
  [
    col.text('name', 160, 'Team Name', "Nom de l'équipe", { required: true }),
    col.lookup('businessunitid', ['businessunit'], 'Business Unit', 'Division'),
    col.choice('teamtype', 'Team Type', "Type d'équipe", [opt(0, 'Owner', 'Propriétaire'), opt(1, 'Access', 'Accès')], { defaultValue: 0 }),
  ],
);

const businessunit = defineTable(
  { logicalName: 'businessunit', entitySetName: 'businessunits', primaryNameAttribute: 'name', label: label('Business Unit', 'Division'), collectionLabel: label('Business Units', 'Divisions'), objectTypeCode: 10, ownership: 'None', states: 'none' },
  [col.text('name', 160, 'Name', 'Nom', { required: true }), col.lookup('parentbusinessunitid', ['businessunit'], 'Parent Business', 'Division parente')],
);

const organization = defineTable(
  { logicalName: 'organization', entitySetName: 'organizations', primaryNameAttribute: 'name', label: label('Organization', 'Organisation'), collectionLabel: label('Organizations', 'Organisations'), objectTypeCode: 1019, ownership: 'None', states: 'none' },
  [col.text('name', 160, 'Name', 'Nom'), col.lookup('basecurrencyid', ['transactioncurrency'], 'Currency', 'Devise'), col.int('languagecode', 'Language', 'Langue')],
);

const transactioncurrency = defineTable(
  { logicalName: 'transactioncurrency', entitySetName: 'transactioncurrencies', primaryNameAttribute: 'currencyname', label: label('Currency', 'Devise'), collectionLabel: label('Currencies', 'Devises'), objectTypeCode: 9105, ownership: 'OrganizationOwned' },
  [
    col.text('currencyname', 100, 'Currency Name', 'Nom de la devise', { required: true }),
    col.text('isocurrencycode', 5, 'Currency Code', 'Code de devise', { required: true }),
    col.text('currencysymbol', 13, 'Currency Symbol', 'Symbole monétaire'),
    col.decimal('exchangerate', 'Exchange Rate', 'Taux de change', { precision: 10 }),
    col.int('currencyprecision', 'Currency Precision', 'Précision de la devise'),
  ],
);

const campaign = defineTable(
  {
    logicalName: 'campaign',
    entitySetName: 'campaigns',
    primaryNameAttribute: 'name',
    label: label('Campaign', 'Campagne'),
    collectionLabel: label('Campaigns', 'Campagnes'),
    objectTypeCode: 4400,
    states: stateStatus(
      [
        [0, 'Active', 0],
        [1, 'Inactive', 6],
      ],
      [
        [0, 'Proposed', 0],
        [1, 'Ready To Launch', 0],
        [2, 'Launched', 0],
        [3, 'Completed', 0],
        [4, 'Canceled', 0],
        [5, 'Suspended', 0],
        [6, 'Inactive', 1],
      ],
    ),
  },
  [
    col.text('name', 128, 'Name', 'Nom', { required: true }),
    col.text('codename', 32, 'Campaign Code', 'Code de la campagne'),
    col.memo('description', 2000, 'Description', 'Description'),
    col.choice('typecode', 'Campaign Type', 'Type de campagne', [opt(1, 'Advertisement', 'Publicité'), opt(2, 'Direct Marketing', 'Marketing direct'), opt(3, 'Event', 'Événement'), opt(4, 'Co-branding', 'Co-marquage'), opt(5, 'Other', 'Autre')]),
    col.dateOnly('proposedstart', 'Proposed Start', 'Début proposé'),
    col.dateOnly('proposedend', 'Proposed End', 'Fin proposée'),
    col.dateOnly('actualstart', 'Actual Start', 'Début réel'),
    col.dateOnly('actualend', 'Actual End', 'Fin réelle'),
    col.money('budgetedcost', 'Budget Allocated', 'Budget alloué'),
    col.money('othercost', 'Miscellaneous Costs', 'Coûts divers'),
    col.money('totalactualcost', 'Total Cost of Campaign', 'Coût total de la campagne', { readOnly: true }),
    col.bool('istemplate', 'Template', 'Modèle'),
    col.lookup('transactioncurrencyid', ['transactioncurrency'], 'Currency', 'Devise'),
  ],
);

const list = defineTable(
  {
    logicalName: 'list',
    entitySetName: 'lists',
    primaryNameAttribute: 'listname',
    label: label('Marketing List', 'Liste marketing'),
    collectionLabel: label('Marketing Lists', 'Listes marketing'),
    objectTypeCode: 4300,
    states: stateStatus(
      [
        [0, 'Active', 0],
        [1, 'Inactive', 1],
      ],
      [
        [0, 'Active', 0],
        [1, 'Inactive', 1],
      ],
    ),
  },
  [
    col.text('listname', 128, 'Name', 'Nom', { required: true }),
    col.bool('type', 'Type', 'Type', 'Dynamic', 'Static'),
    col.memo('query', 1048576, 'Query', 'Requête'),
    col.choice('createdfromcode', 'Targeted At', 'Ciblée sur', [opt(1, 'Account', 'Compte'), opt(2, 'Contact', 'Contact'), opt(4, 'Lead', 'Prospect')], { required: true }),
    col.int('membercount', 'Members Count', 'Nombre de membres', { readOnly: true }),
    col.text('purpose', 512, 'Purpose', 'Objet'),
    col.memo('description', 2000, 'Description', 'Description'),
    col.bool('lockstatus', 'Locked', 'Verrouillée'),
    col.lookup('transactioncurrencyid', ['transactioncurrency'], 'Currency', 'Devise'),
  ],
);

const listmember = defineTable(
  { logicalName: 'listmember', entitySetName: 'listmembers', primaryNameAttribute: 'entitytype', label: label('Marketing List Member', 'Membre de liste marketing'), collectionLabel: label('Marketing List Members', 'Membres de liste marketing'), objectTypeCode: 4301, ownership: 'None', states: 'none' },
  [col.lookup('listid', ['list'], 'List', 'Liste', { required: true }), col.lookup('entityid', ['account', 'contact', 'lead'], 'Member', 'Membre', { required: true }), col.entityName('entitytype', 'Entity Type', "Type d'entité")],
);

const campaignitem = defineTable(
  { logicalName: 'campaignitem', entitySetName: 'campaignitems', primaryNameAttribute: 'entitytype', label: label('Campaign Item', 'Élément de campagne'), collectionLabel: label('Campaign Items', 'Éléments de campagne'), objectTypeCode: 4404, ownership: 'UserOwned', states: 'none' },
  [col.lookup('campaignid', ['campaign'], 'Campaign', 'Campagne', { required: true }), col.guid('entityid', 'Entity', 'Entité', { required: true }), col.entityName('entitytype', 'Entity Type', "Type d'entité")],
);

function salesDocument(logicalName: string, entitySetName: string, en: string, fr: string, enPlural: string, frPlural: string, otc: number, numberColumn: string, states: AttributeDef[], extra: AttributeDef[]): TableDef {
  return defineTable(
    { logicalName, entitySetName, primaryNameAttribute: 'name', label: label(en, fr), collectionLabel: label(enPlural, frPlural), objectTypeCode: otc, states },
    [
      col.text('name', 300, 'Name', 'Nom', { required: true }),
      col.text(numberColumn, 100, `${en} ID`, `N° ${fr.toLowerCase()}`),
      col.customer('customerid', 'Customer', 'Client'),
      col.money('totalamount', 'Total Amount', 'Montant total'),
      col.lookup('transactioncurrencyid', ['transactioncurrency'], 'Currency', 'Devise'),
      col.memo('description', 2000, 'Description', 'Description'),
      ...extra,
    ],
  );
}

const salesorder = salesDocument(
  'salesorder',
  'salesorders',
  'Order',
  'Commande',
  'Orders',
  'Commandes',
  1088,
  'ordernumber',
  stateStatus(
    [
      [0, 'Active', 1],
      [1, 'Submitted', 3],
      [2, 'Canceled', 4],
      [3, 'Fulfilled', 100001],
      [4, 'Invoiced', 100003],
    ],
    [
      [1, 'New', 0],
      [2, 'Pending', 0],
      [3, 'In Progress', 1],
      [4, 'No Money', 2],
      [100001, 'Complete', 3],
      [100002, 'Partial', 3],
      [100003, 'Invoiced', 4],
    ],
  ),
  [col.dateOnly('datefulfilled', 'Date Fulfilled', 'Date d’exécution'), col.dateOnly('requestdeliveryby', 'Requested Delivery Date', 'Date de livraison demandée')],
);

const quote = salesDocument(
  'quote',
  'quotes',
  'Quote',
  'Devis',
  'Quotes',
  'Devis',
  1084,
  'quotenumber',
  stateStatus(
    [
      [0, 'Draft', 1],
      [1, 'Active', 3],
      [2, 'Won', 4],
      [3, 'Closed', 5],
    ],
    [
      [1, 'In Progress', 0],
      [2, 'In Progress', 1],
      [3, 'Open', 1],
      [4, 'Won', 2],
      [5, 'Lost', 3],
      [6, 'Canceled', 3],
      [7, 'Revised', 3],
    ],
  ),
  [col.dateOnly('effectivefrom', 'Effective From', 'Valable à partir du'), col.dateOnly('effectiveto', 'Effective To', "Valable jusqu'au")],
);

const invoice = salesDocument(
  'invoice',
  'invoices',
  'Invoice',
  'Facture',
  'Invoices',
  'Factures',
  1090,
  'invoicenumber',
  stateStatus(
    [
      [0, 'Active', 1],
      [1, 'Closed', 7],
      [2, 'Paid', 100001],
      [3, 'Canceled', 100003],
    ],
    [
      [1, 'New', 0],
      [2, 'Recorded', 0],
      [4, 'Billed', 0],
      [5, 'Booked (applies to services)', 0],
      [6, 'Installed (applies to services)', 0],
      [7, 'Canceled (deprecated)', 1],
      [100001, 'Complete', 2],
      [100002, 'Partial', 2],
      [100003, 'Canceled', 3],
    ],
  ),
  [col.dateOnly('duedate', 'Due Date', "Date d'échéance")],
);

const incident = defineTable(
  {
    logicalName: 'incident',
    entitySetName: 'incidents',
    primaryNameAttribute: 'title',
    label: label('Case', 'Incident'),
    collectionLabel: label('Cases', 'Incidents'),
    objectTypeCode: 112,
    states: stateStatus(
      [
        [0, 'Active', 1],
        [1, 'Resolved', 5],
        [2, 'Canceled', 6],
      ],
      [
        [1, 'In Progress', 0],
        [2, 'On Hold', 0],
        [3, 'Waiting for Details', 0],
        [4, 'Researching', 0],
        [5, 'Problem Solved', 1],
        [1000, 'Information Provided', 1],
        [6, 'Canceled', 2],
        [2000, 'Merged', 2],
      ],
    ),
  },
  [
    col.text('title', 200, 'Case Title', "Titre de l'incident", { required: true }),
    col.text('ticketnumber', 100, 'Case Number', "Numéro d'incident"),
    col.customer('customerid', 'Customer', 'Client', { required: true }),
    col.lookup('primarycontactid', ['contact'], 'Contact', 'Contact'),
    col.choice('prioritycode', 'Priority', 'Priorité', [opt(1, 'High', 'Élevée'), opt(2, 'Normal', 'Normale'), opt(3, 'Low', 'Faible')], { defaultValue: 2 }),
    col.choice('caseorigincode', 'Origin', 'Origine', [opt(1, 'Phone', 'Téléphone'), opt(2, 'Email', 'E-mail'), opt(3, 'Web', 'Web')]),
    col.memo('description', 2000, 'Description', 'Description'),
  ],
);

const annotation = defineTable(
  { logicalName: 'annotation', entitySetName: 'annotations', primaryNameAttribute: 'subject', label: label('Note', 'Note'), collectionLabel: label('Notes', 'Notes'), objectTypeCode: 5, states: 'none' },
  [
    col.text('subject', 500, 'Title', 'Titre'),
    col.memo('notetext', 100000, 'Description', 'Description'),
    col.lookup('objectid', ['*'], 'Regarding', 'Concernant'),
    col.entityName('objecttypecode', 'Object Type', "Type d'objet"),
    col.bool('isdocument', 'Is Document', 'Est un document'),
    col.text('filename', 255, 'File Name', 'Nom du fichier'),
    col.text('mimetype', 256, 'Mime Type', 'Type MIME'),
    col.memo('documentbody', 1073741823, 'Document', 'Document'),
    col.int('filesize', 'File Size (Bytes)', 'Taille du fichier (octets)', { readOnly: true }),
  ],
);

const activitypointer = defineTable(
  { logicalName: 'activitypointer', entitySetName: 'activitypointers', primaryIdAttribute: 'activityid', primaryNameAttribute: 'subject', label: label('Activity', 'Activité'), collectionLabel: label('Activities', 'Activités'), objectTypeCode: 4200, isActivity: true, readOnly: true, states: ACTIVITY_STATES },
  activityColumns().filter((a) => a.type !== 'PartyList'),
);

const activityparty = defineTable(
  { logicalName: 'activityparty', entitySetName: 'activityparties', primaryNameAttribute: 'addressused', label: label('Activity Party', "Partie prenante de l'activité"), collectionLabel: label('Activity Parties', "Parties prenantes de l'activité"), objectTypeCode: 135, ownership: 'None', states: 'none' },
  [
    col.lookup('activityid', ['activitypointer'], 'Activity', 'Activité'),
    col.lookup('partyid', ['contact', 'account', 'lead', 'systemuser'], 'Party', 'Partie'),
    col.choice(
      'participationtypemask',
      'Participation Type',
      'Type de participation',
      [
        opt(1, 'Sender', 'Expéditeur'),
        opt(2, 'To Recipient', 'Destinataire'),
        opt(3, 'CC Recipient', 'Destinataire Cc'),
        opt(4, 'BCC Recipient', 'Destinataire Cci'),
        opt(5, 'Required attendee', 'Participant obligatoire'),
        opt(6, 'Optional attendee', 'Participant facultatif'),
        opt(7, 'Organizer', 'Organisateur'),
        opt(8, 'Regarding', 'Concernant'),
        opt(9, 'Owner', 'Propriétaire'),
        opt(10, 'Resource', 'Ressource'),
        opt(11, 'Customer', 'Client'),
      ],
      { required: true },
    ),
    col.text('addressused', 200, 'Address', 'Adresse'),
    col.bool('ispartydeleted', 'Is Party Deleted', undefined, 'Yes', 'No', { readOnly: true }),
  ],
);

function activity(logicalName: string, entitySetName: string, en: string, fr: string, enPlural: string, frPlural: string, otc: number, states: AttributeDef[], extra: AttributeDef[]): TableDef {
  return defineTable(
    { logicalName, entitySetName, primaryIdAttribute: 'activityid', primaryNameAttribute: 'subject', label: label(en, fr), collectionLabel: label(enPlural, frPlural), objectTypeCode: otc, isActivity: true, states },
    [...activityColumns(), ...extra],
  );
}

const email = activity(
  'email',
  'emails',
  'Email',
  'Courrier électronique',
  'Emails',
  'Courriers électroniques',
  4202,
  stateStatus(
    [
      [0, 'Open', 1],
      [1, 'Completed', 2],
      [2, 'Canceled', 5],
    ],
    [
      [1, 'Draft', 0],
      [8, 'Failed', 0],
      [2, 'Completed', 1],
      [3, 'Sent', 1],
      [4, 'Received', 1],
      [6, 'Pending Send', 1],
      [7, 'Sending', 1],
      [5, 'Canceled', 2],
    ],
  ),
  [col.bool('directioncode', 'Direction', 'Sens', 'Outgoing', 'Incoming', { defaultValue: true })],
);

const task = activity(
  'task',
  'tasks',
  'Task',
  'Tâche',
  'Tasks',
  'Tâches',
  4212,
  stateStatus(
    [
      [0, 'Open', 2],
      [1, 'Completed', 5],
      [2, 'Canceled', 6],
    ],
    [
      [2, 'Not Started', 0],
      [3, 'In Progress', 0],
      [4, 'Waiting on someone else', 0],
      [7, 'Deferred', 0],
      [5, 'Completed', 1],
      [6, 'Canceled', 2],
    ],
  ),
  [col.int('percentcomplete', 'Percent Complete', 'Pourcentage achevé')],
);

// Platform tables that the solution import and a registration script write to (powerapps-docs
// reference/entities/serviceendpoint, sdkmessage, sdkmessagefilter, sdkmessageprocessingstep…).
const platform = 'None' as const;
const serviceendpoint = defineTable(
  { logicalName: 'serviceendpoint', entitySetName: 'serviceendpoints', primaryNameAttribute: 'name', label: label('Service Endpoint'), collectionLabel: label('Service Endpoints'), objectTypeCode: 4618, ownership: 'OrganizationOwned', states: 'none' },
  [
    col.text('name', 256, 'Name', 'Nom', { required: true }),
    col.memo('description', 2000, 'Description'),
    col.text('url', 2000, 'Url'),
    col.choice('contract', 'Contract', undefined, [opt(1, 'OneWay'), opt(2, 'Queue'), opt(3, 'Rest'), opt(4, 'TwoWay'), opt(5, 'Topic'), opt(6, 'Queue (Persistent)'), opt(7, 'Event Hub'), opt(8, 'Webhook'), opt(9, 'Event Grid'), opt(10, 'Managed Data Lake'), opt(11, 'Container Storage')], { required: true }),
    col.choice('authtype', 'Authorization Type', undefined, [opt(1, 'ACS'), opt(2, 'SAS Key'), opt(3, 'SAS Token'), opt(4, 'Webhook Key'), opt(5, 'Http Header'), opt(6, 'Http Query String'), opt(7, 'Connection String'), opt(8, 'Access Key'), opt(9, 'Managed Identity')]),
    col.memo('authvalue', 4000, 'Authorization Value', undefined, { writeOnly: true }),
    col.choice('messageformat', 'Message Format', undefined, [opt(1, 'BinaryXML'), opt(2, 'Json'), opt(3, 'TextXML')], { defaultValue: 2 }),
    col.choice('namespaceformat', 'Namespace Format', undefined, [opt(1, 'Namespace Name'), opt(2, 'Namespace Address')], { defaultValue: 1 }),
    col.choice('connectionmode', 'Connection Mode', undefined, [opt(1, 'Normal'), opt(2, 'Federated')], { defaultValue: 1 }),
    col.choice('userclaim', 'User Information Sent', undefined, [opt(1, 'None'), opt(2, 'UserId'), opt(3, 'UserInfo')], { defaultValue: 1 }),
    col.text('path', 160, 'Path'),
    col.text('solutionnamespace', 160, 'Namespace'),
    col.text('namespaceaddress', 255, 'Namespace Address'),
    col.text('saskeyname', 256, 'SAS Key Name'),
  ],
);

const sdkmessage = defineTable(
  { logicalName: 'sdkmessage', entitySetName: 'sdkmessages', primaryNameAttribute: 'name', label: label('Sdk Message'), collectionLabel: label('Sdk Messages'), objectTypeCode: 4606, ownership: 'OrganizationOwned', states: 'none' },
  [
    col.text('name', 256, 'Name', 'Nom'),
    col.text('categoryname', 25, 'Category Name'),
    col.bool('isprivate', 'Is Private'),
    col.bool('isactive', 'Is Active', undefined, 'Yes', 'No', { defaultValue: true }),
    col.bool('workflowsdkstepenabled', 'Workflow Sdk Step Enabled'),
    col.bool('template', 'Template'),
  ],
);

const sdkmessagefilter = defineTable(
  { logicalName: 'sdkmessagefilter', entitySetName: 'sdkmessagefilters', primaryNameAttribute: 'name', label: label('Sdk Message Filter'), collectionLabel: label('Sdk Message Filters'), objectTypeCode: 4607, ownership: 'OrganizationOwned', states: 'none' },
  [
    col.text('name', 256, 'Name'),
    col.lookup('sdkmessageid', ['sdkmessage'], 'SDK Message ID'),
    col.entityName('primaryobjecttypecode', 'Primary Object Type Code'),
    col.entityName('secondaryobjecttypecode', 'Secondary Object Type Code'),
    col.bool('iscustomprocessingstepallowed', 'Custom Processing Step Allowed', undefined, 'Yes', 'No', { defaultValue: true }),
    col.bool('isvisible', 'Is Visible', undefined, 'Yes', 'No', { defaultValue: true }),
  ],
);

const plugintype = defineTable(
  { logicalName: 'plugintype', entitySetName: 'plugintypes', primaryNameAttribute: 'name', label: label('Plug-in Type'), collectionLabel: label('Plug-in Types'), objectTypeCode: 4602, ownership: 'OrganizationOwned', states: 'none' },
  [col.text('name', 256, 'Name'), col.text('typename', 256, 'Type Name'), col.text('friendlyname', 256, 'Display Name'), col.text('assemblyname', 100, 'Assembly Name')],
);

const sdkmessageprocessingstep = defineTable(
  {
    logicalName: 'sdkmessageprocessingstep',
    entitySetName: 'sdkmessageprocessingsteps',
    primaryNameAttribute: 'name',
    label: label('Sdk Message Processing Step'),
    collectionLabel: label('Sdk Message Processing Steps'),
    objectTypeCode: 4608,
    ownership: 'UserOwned',
    states: stateStatus(
      [
        [0, 'Enabled', 1],
        [1, 'Disabled', 2],
      ],
      [
        [1, 'Enabled', 0],
        [2, 'Disabled', 1],
      ],
    ),
  },
  [
    col.text('name', 256, 'Name'),
    col.memo('description', 256, 'Description'),
    col.lookup('sdkmessageid', ['sdkmessage'], 'SDK Message'),
    col.lookup('sdkmessagefilterid', ['sdkmessagefilter'], 'SdkMessage Filter'),
    col.lookup('eventhandler', ['plugintype', 'serviceendpoint'], 'Event Handler'),
    col.lookup('plugintypeid', ['plugintype'], 'Plug-In Type'),
    col.choice('stage', 'Execution Stage', undefined, [opt(5, 'Initial Pre-operation (For internal use only)'), opt(10, 'Pre-validation'), opt(15, 'Internal Pre-operation Before External Plugins (For internal use only)'), opt(20, 'Pre-operation'), opt(25, 'Internal Pre-operation After External Plugins (For internal use only)'), opt(30, 'Main Operation (For internal use only)'), opt(35, 'Internal Post-operation Before External Plugins (For internal use only)'), opt(40, 'Post-operation'), opt(45, 'Internal Post-operation After External Plugins (For internal use only)'), opt(50, 'Post-operation (Deprecated)'), opt(55, 'Final Post-operation (For internal use only)')], { required: true }),
    col.choice('mode', 'Execution Mode', undefined, [opt(0, 'Synchronous'), opt(1, 'Asynchronous')], { defaultValue: 0 }),
    col.int('rank', 'Execution Order', undefined, { defaultValue: 1 }),
    col.text('filteringattributes', 100000, 'Filtering Attributes'),
    col.bool('asyncautodelete', 'Asynchronous Automatic Delete'),
    col.choice('supporteddeployment', 'Deployment', undefined, [opt(0, 'Server Only'), opt(1, 'Microsoft Dynamics 365 Client for Outlook Only'), opt(2, 'Both')], { defaultValue: 0 }),
    col.choice('invocationsource', 'Invocation Source', undefined, [opt(-1, 'Internal'), opt(0, 'Parent'), opt(1, 'Child')], { defaultValue: 0 }),
    col.memo('configuration', 1073741823, 'Configuration'),
  ],
);

const sdkmessageprocessingstepimage = defineTable(
  { logicalName: 'sdkmessageprocessingstepimage', entitySetName: 'sdkmessageprocessingstepimages', primaryNameAttribute: 'name', label: label('Sdk Message Processing Step Image'), collectionLabel: label('Sdk Message Processing Step Images'), objectTypeCode: 4615, ownership: 'OrganizationOwned', states: 'none' },
  [
    col.text('name', 256, 'Name'),
    col.lookup('sdkmessageprocessingstepid', ['sdkmessageprocessingstep'], 'SDK Message Processing Step'),
    col.choice('imagetype', 'Image Type', undefined, [opt(0, 'PreImage'), opt(1, 'PostImage'), opt(2, 'Both')]),
    col.text('entityalias', 256, 'Entity Alias'),
    col.memo('attributes', 100000, 'Attributes'),
    col.text('messagepropertyname', 256, 'Message Property Name'),
  ],
);

const asyncoperation = defineTable(
  {
    logicalName: 'asyncoperation',
    entitySetName: 'asyncoperations',
    primaryNameAttribute: 'name',
    label: label('System Job', 'Tâche système'),
    collectionLabel: label('System Jobs', 'Tâches système'),
    objectTypeCode: 4700,
    ownership: 'UserOwned',
    states: stateStatus(
      [
        [0, 'Ready', 0],
        [1, 'Suspended', 10],
        [2, 'Locked', 20],
        [3, 'Completed', 30],
      ],
      [
        [0, 'Waiting For Resources', 0],
        [10, 'Waiting', 1],
        [20, 'In Progress', 2],
        [21, 'Pausing', 2],
        [22, 'Canceling', 2],
        [30, 'Succeeded', 3],
        [31, 'Failed', 3],
        [32, 'Canceled', 3],
      ],
    ),
  },
  [
    col.text('name', 256, 'System Job Name', 'Nom de la tâche système'),
    col.choice('operationtype', 'System Job Type', 'Type de tâche système', [opt(1, 'System Event', 'Événement système'), opt(10, 'Workflow', 'Workflow')]),
    col.memo('message', 1073741823, 'Message'),
    col.memo('friendlymessage', 1073741823, 'Friendly message', 'Message convivial'),
    col.int('errorcode', 'Error Code', "Code d'erreur"),
    col.int('retrycount', 'Retry Count', 'Nombre de tentatives'),
    col.int('depth', 'Depth', 'Profondeur'),
    col.text('messagename', 160, 'Message Name', 'Nom du message'),
    col.entityName('primaryentitytype', 'Entity Type', "Type d'entité"),
    col.lookup('owningextensionid', ['sdkmessageprocessingstep'], 'Owning Extension', 'Extension propriétaire'),
    col.lookup('regardingobjectid', ['*'], 'Regarding', 'Concernant'),
    col.guid('correlationid', 'Correlation Id'),
    col.date('startedon', 'Started On', 'Commencée le'),
    col.date('completedon', 'Completed On', 'Terminée le'),
    col.date('postponeuntil', 'Postpone Until', "Reporter jusqu'à"),
    col.memo('data', 1073741823, 'Data'),
  ],
);

const customapi = defineTable(
  { logicalName: 'customapi', entitySetName: 'customapis', primaryNameAttribute: 'name', label: label('Custom API'), collectionLabel: label('Custom APIs'), objectTypeCode: 10025, ownership: 'UserOwned' },
  [
    col.text('uniquename', 128, 'Unique Name', undefined, { required: true }),
    col.text('name', 100, 'Name'),
    col.text('displayname', 100, 'Display Name'),
    col.text('description', 300, 'Description'),
    col.choice('bindingtype', 'Binding Type', undefined, [opt(0, 'Global'), opt(1, 'Entity'), opt(2, 'Entity Collection')], { defaultValue: 0 }),
    col.text('boundentitylogicalname', 100, 'Bound Entity Logical Name'),
    col.bool('isfunction', 'Is Function'),
    col.bool('isprivate', 'Is Private'),
    col.choice('allowedcustomprocessingsteptype', 'Allowed Custom Processing Step Type', undefined, [opt(0, 'None'), opt(1, 'Async Only'), opt(2, 'Sync and Async')], { defaultValue: 0 }),
    col.text('executeprivilegename', 100, 'Execute Privilege Name'),
    col.bool('workflowsdkstepenabled', 'Enabled for Workflow'),
    col.lookup('sdkmessageid', ['sdkmessage'], 'Sdk Message', undefined, { readOnly: true }),
    col.lookup('plugintypeid', ['plugintype'], 'Plugin Type'),
  ],
);

const PARAMETER_TYPES = ['Boolean', 'DateTime', 'Decimal', 'Entity', 'EntityCollection', 'EntityReference', 'Float', 'Integer', 'Money', 'Picklist', 'String', 'StringArray', 'Guid'].map((en, value) => opt(value, en));

const customapirequestparameter = defineTable(
  { logicalName: 'customapirequestparameter', entitySetName: 'customapirequestparameters', primaryNameAttribute: 'name', label: label('Custom API Request Parameter'), collectionLabel: label('Custom API Request Parameters'), objectTypeCode: 10026, ownership: 'UserOwned' },
  [
    col.lookup('customapiid', ['customapi'], 'Custom API'),
    col.text('uniquename', 128, 'Unique Name'),
    col.text('name', 100, 'Name'),
    col.text('displayname', 100, 'Display Name'),
    col.text('description', 300, 'Description'),
    col.choice('type', 'Type', undefined, PARAMETER_TYPES),
    col.bool('isoptional', 'Is Optional'),
    col.text('logicalentityname', 100, 'Logical Entity Name'),
  ],
);

const customapiresponseproperty = defineTable(
  { logicalName: 'customapiresponseproperty', entitySetName: 'customapiresponseproperties', primaryNameAttribute: 'name', label: label('Custom API Response Property'), collectionLabel: label('Custom API Response Properties'), objectTypeCode: 10027, ownership: 'UserOwned' },
  [
    col.lookup('customapiid', ['customapi'], 'Custom API'),
    col.text('uniquename', 128, 'Unique Name'),
    col.text('name', 100, 'Name'),
    col.text('displayname', 100, 'Display Name'),
    col.text('description', 300, 'Description'),
    col.choice('type', 'Type', undefined, PARAMETER_TYPES),
    col.text('logicalentityname', 100, 'Logical Entity Name'),
  ],
);

const publisher = defineTable(
  { logicalName: 'publisher', entitySetName: 'publishers', primaryNameAttribute: 'friendlyname', label: label('Publisher'), collectionLabel: label('Publishers'), objectTypeCode: 7101, ownership: 'OrganizationOwned', states: 'none' },
  [col.text('uniquename', 256, 'Name'), col.text('friendlyname', 256, 'Display Name'), col.text('customizationprefix', 8, 'Prefix'), col.int('customizationoptionvalueprefix', 'Option Value Prefix')],
);

const solution = defineTable(
  { logicalName: 'solution', entitySetName: 'solutions', primaryNameAttribute: 'friendlyname', label: label('Solution'), collectionLabel: label('Solutions'), objectTypeCode: 7100, ownership: 'OrganizationOwned', states: 'none' },
  [
    col.text('uniquename', 65, 'Name'),
    col.text('friendlyname', 256, 'Display Name'),
    col.text('version', 256, 'Version'),
    col.bool('ismanaged', 'Package Type', undefined, 'Managed', 'Unmanaged'),
    col.lookup('publisherid', ['publisher'], 'Publisher'),
    col.date('installedon', 'Installed On'),
  ],
);

const importjob = defineTable(
  { logicalName: 'importjob', entitySetName: 'importjobs', primaryNameAttribute: 'name', label: label('Import Job'), collectionLabel: label('Import Jobs'), objectTypeCode: 9107, ownership: 'OrganizationOwned', states: 'none' },
  [col.text('name', 100, 'Name'), col.text('solutionname', 256, 'Solution Name'), col.memo('data', 1073741823, 'Data'), col.double('progress', 'Progress'), col.date('startedon', 'Started On'), col.date('completedon', 'Completed On')],
);

const environmentvariabledefinition = defineTable(
  { logicalName: 'environmentvariabledefinition', entitySetName: 'environmentvariabledefinitions', primaryNameAttribute: 'schemaname', label: label('Environment Variable Definition'), collectionLabel: label('Environment Variable Definitions'), objectTypeCode: 380, ownership: 'UserOwned' },
  [
    col.text('schemaname', 100, 'Schema Name', undefined, { required: true }),
    col.text('displayname', 100, 'Display Name'),
    col.memo('description', 2000, 'Description'),
    col.choice('type', 'Type', undefined, [opt(100000000, 'String'), opt(100000001, 'Number'), opt(100000002, 'Boolean'), opt(100000003, 'JSON'), opt(100000004, 'Data source'), opt(100000005, 'Secret')], { defaultValue: 100000000 }),
    col.memo('defaultvalue', 2000, 'Default Value'),
    col.bool('isrequired', 'Is Required'),
  ],
);

const environmentvariablevalue = defineTable(
  { logicalName: 'environmentvariablevalue', entitySetName: 'environmentvariablevalues', primaryNameAttribute: 'schemaname', label: label('Environment Variable Value'), collectionLabel: label('Environment Variable Values'), objectTypeCode: 381, ownership: 'UserOwned' },
  [col.text('schemaname', 100, 'Schema Name'), col.memo('value', 2000, 'Value'), col.lookup('environmentvariabledefinitionid', ['environmentvariabledefinition'], 'Environment Variable Definition')],
);

const webresource = defineTable(
  { logicalName: 'webresource', entitySetName: 'webresourceset', primaryNameAttribute: 'name', label: label('Web Resource'), collectionLabel: label('Web Resources'), objectTypeCode: 9333, ownership: 'OrganizationOwned', states: 'none' },
  [col.text('name', 256, 'Name'), col.text('displayname', 200, 'Display Name'), col.choice('webresourcetype', 'Type', undefined, ['Webpage (HTML)', 'Style Sheet (CSS)', 'Script (JScript)', 'Data (XML)', 'PNG format', 'JPG format', 'GIF format', 'Silverlight (XAP)', 'Style Sheet (XSL)', 'ICO format', 'Vector format (SVG)', 'String (RESX)'].map((en, i) => opt(i + 1, en))), col.memo('content', 1073741823, 'Content')],
);

const workflow = defineTable(
  {
    logicalName: 'workflow',
    entitySetName: 'workflows',
    primaryNameAttribute: 'name',
    label: label('Process', 'Processus'),
    collectionLabel: label('Processes', 'Processus'),
    objectTypeCode: 4703,
    states: stateStatus(
      [
        [0, 'Draft', 1],
        [1, 'Activated', 2],
        [2, 'Suspended', 3],
      ],
      [
        [1, 'Draft', 0],
        [2, 'Activated', 1],
        [3, 'Company DLP Violation', 2],
      ],
    ),
  },
  [
    col.text('name', 100, 'Process Name', 'Nom du processus'),
    col.text('uniquename', 256, 'Unique Name'),
    col.choice('category', 'Category', 'Catégorie', [opt(0, 'Workflow'), opt(1, 'Dialog'), opt(2, 'Business Rule'), opt(3, 'Action'), opt(4, 'Business Process Flow'), opt(5, 'Modern Flow')]),
    col.entityName('primaryentity', 'Primary Entity', 'Entité principale'),
    col.choice('mode', 'Run as', undefined, [opt(0, 'Background'), opt(1, 'Real-time')]),
    col.choice('scope', 'Scope', undefined, [opt(1, 'User'), opt(2, 'Business Unit'), opt(3, 'Parent: Child Business Units'), opt(4, 'Organization')]),
    col.bool('ondemand', 'Run as an on-demand process'),
    col.bool('triggeroncreate', 'Trigger On Create'),
    col.bool('triggerondelete', 'Trigger On Delete'),
    col.text('triggeronupdateattributelist', 1073741823, 'Trigger On Update Attribute List'),
    col.memo('xaml', 1073741823, 'xaml'),
  ],
);

export const STANDARD_TABLES: TableDef[] = [
  contact,
  account,
  lead,
  systemuser,
  team,
  businessunit,
  organization,
  transactioncurrency,
  campaign,
  list,
  listmember,
  campaignitem,
  salesorder,
  quote,
  invoice,
  incident,
  annotation,
  activitypointer,
  activityparty,
  email,
  task,
  serviceendpoint,
  sdkmessage,
  sdkmessagefilter,
  plugintype,
  sdkmessageprocessingstep,
  sdkmessageprocessingstepimage,
  asyncoperation,
  customapi,
  customapirequestparameter,
  customapiresponseproperty,
  publisher,
  solution,
  importjob,
  environmentvariabledefinition,
  environmentvariablevalue,
  webresource,
  workflow,
];

/** Collection-valued navigation names of the standard one-to-many relationships the product reads. */
export const STANDARD_ONE_TO_MANY: OneToManyDef[] = [
  { schemaName: 'contact_customer_accounts', referencedEntity: 'account', referencingEntity: 'contact', referencingAttribute: 'parentcustomerid', referencedNavigation: 'contact_customer_accounts', referencingNavigation: 'parentcustomerid_account' },
  { schemaName: 'contact_customer_contacts', referencedEntity: 'contact', referencingEntity: 'contact', referencingAttribute: 'parentcustomerid', referencedNavigation: 'contact_customer_contacts', referencingNavigation: 'parentcustomerid_contact' },
  { schemaName: 'account_primary_contact', referencedEntity: 'contact', referencingEntity: 'account', referencingAttribute: 'primarycontactid', referencedNavigation: 'account_primary_contact', referencingNavigation: 'primarycontactid' },
  { schemaName: 'list_listmembers', referencedEntity: 'list', referencingEntity: 'listmember', referencingAttribute: 'listid', referencedNavigation: 'list_listmembers', referencingNavigation: 'listid' },
  { schemaName: 'campaign_campaignitems', referencedEntity: 'campaign', referencingEntity: 'campaignitem', referencingAttribute: 'campaignid', referencedNavigation: 'campaign_campaignitems', referencingNavigation: 'campaignid' },
  { schemaName: 'serviceendpoint_sdkmessageprocessingstep', referencedEntity: 'serviceendpoint', referencingEntity: 'sdkmessageprocessingstep', referencingAttribute: 'eventhandler', referencedNavigation: 'serviceendpoint_sdkmessageprocessingstep', referencingNavigation: 'eventhandler_serviceendpoint' },
  { schemaName: 'sdkmessageprocessingstepid_sdkmessageprocessingstepimage', referencedEntity: 'sdkmessageprocessingstep', referencingEntity: 'sdkmessageprocessingstepimage', referencingAttribute: 'sdkmessageprocessingstepid', referencedNavigation: 'sdkmessageprocessingstepid_sdkmessageprocessingstepimage', referencingNavigation: 'sdkmessageprocessingstepid' },
  { schemaName: 'customapi_customapirequestparameter', referencedEntity: 'customapi', referencingEntity: 'customapirequestparameter', referencingAttribute: 'customapiid', referencedNavigation: 'CustomAPIRequestParameters', referencingNavigation: 'CustomAPIId' },
  { schemaName: 'customapi_customapiresponseproperty', referencedEntity: 'customapi', referencingEntity: 'customapiresponseproperty', referencingAttribute: 'customapiid', referencedNavigation: 'CustomAPIResponseProperties', referencingNavigation: 'CustomAPIId' },
  { schemaName: 'environmentvariabledefinition_environmentvariablevalue', referencedEntity: 'environmentvariabledefinition', referencingEntity: 'environmentvariablevalue', referencingAttribute: 'environmentvariabledefinitionid', referencedNavigation: 'environmentvariabledefinition_environmentvariablevalue', referencingNavigation: 'EnvironmentVariableDefinitionId' },
];

/** Marketing-list membership and campaign lists, as Dataverse names them (listcontact_association…). */
export const STANDARD_MANY_TO_MANY: ManyToManyDef[] = [
  ...['contact', 'account', 'lead'].map((member) => ({
    schemaName: `list${member}_association`,
    entity1: 'list',
    entity2: member,
    intersectEntity: 'listmember',
    entity1Attribute: 'listid',
    entity2Attribute: 'entityid',
    entity1Navigation: `list${member}_association`,
    entity2Navigation: `list${member}_association`,
    entity2TypeAttribute: 'entitytype',
  })),
  {
    schemaName: 'campaignlist_association',
    entity1: 'campaign',
    entity2: 'list',
    intersectEntity: 'campaignitem',
    entity1Attribute: 'campaignid',
    entity2Attribute: 'entityid',
    entity1Navigation: 'campaignlist_association',
    entity2Navigation: 'campaignlist_association',
    entity2TypeAttribute: 'entitytype',
  },
];
