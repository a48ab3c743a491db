/**
 * Every sentence the browser code shows, in English and French (Dataverse user language 1036 and
 * the other French LCIDs → French; anything else → English). `one|other` entries are chosen with
 * the language's plural rules.
 */
import { fillTemplate, type Language } from '@smsc/core';

const STRINGS = {
  // Counter
  'counter.characters': { en: '{count} character|{count} characters', fr: '{count} caractère|{count} caractères' },
  'counter.segments': { en: '{count} SMS|{count} SMS', fr: '{count} SMS|{count} SMS' },
  'counter.remaining': { en: '{count} left in this part|{count} left in this part', fr: '{count} restant dans cette partie|{count} restants dans cette partie' },
  'counter.cost': { en: 'cost {cost}', fr: 'coût {cost}' },
  'counter.field': { en: '{field}: {text}', fr: '{field} : {text}' },
  'counter.empty': { en: 'Empty message', fr: 'Message vide' },
  'counter.ucs2': {
    en: 'Unicode (UCS-2) because of {characters}: {single} characters per SMS instead of 160.',
    fr: 'Unicode (UCS-2) à cause de {characters} : {single} caractères par SMS au lieu de 160.',
  },
  'counter.ucs2.fix': { en: 'Replace {replacements} to stay in GSM-7.', fr: 'Remplacez {replacements} pour rester en GSM-7.' },
  'counter.too_long': { en: '{length} characters: the maximum is {max}.', fr: '{length} caractères : le maximum est {max}.' },

  // Record and field naming in notifications
  'record.named': { en: '{table} "{name}"', fr: '{table} « {name} »' },
  'record.new': { en: 'new {table}', fr: '{table} (nouveau)' },
  'table.sms': { en: 'SMS', fr: 'SMS' },
  'table.contact': { en: 'Contact', fr: 'Contact' },
  'table.lead': { en: 'Lead', fr: 'Prospect' },
  'table.account': { en: 'Account', fr: 'Compte' },
  'table.campaign': { en: 'Campaign', fr: 'Campagne' },
  'table.template': { en: 'SMS template', fr: 'Modèle de SMS' },
  'table.configuration': { en: 'SMS configuration', fr: 'Configuration SMS' },

  // SMS form
  'sms.no_mobile': {
    en: '{recipient} has no mobile phone: enter the number in "{field}" of {record}.',
    fr: '{recipient} n\'a pas de téléphone mobile : saisissez le numéro dans « {field} » de {record}.',
  },
  'sms.account_no_contact': {
    en: 'Account {recipient} has no primary contact: enter the number in "{field}" of {record}.',
    fr: 'Le compte {recipient} n\'a pas de contact principal : saisissez le numéro dans « {field} » de {record}.',
  },
  'sms.recipient_read_failed': {
    en: 'Could not read the mobile number of {recipient} for "{field}" of {record}: {error}',
    fr: 'Impossible de lire le mobile de {recipient} pour « {field} » de {record} : {error}',
  },
  'sms.template_wrong_table': {
    en: 'Template "{template}" is for table {templateTable}, but the recipient of {record} is a {recipientTable}.',
    fr: 'Le modèle « {template} » s\'applique à la table {templateTable}, mais le destinataire de {record} est de type {recipientTable}.',
  },
  'sms.template_missing': {
    en: 'Template "{template}" in "{field}" of {record}: unknown merge field {fields}, left as written.',
    fr: 'Modèle « {template} » dans « {field} » de {record} : champ de fusion inconnu {fields}, laissé tel quel.',
  },
  'sms.template_empty': {
    en: 'Template "{template}" in "{field}" of {record}: no value for {fields}.',
    fr: 'Modèle « {template} » dans « {field} » de {record} : aucune valeur pour {fields}.',
  },
  'sms.template_no_recipient': {
    en: 'Choose the recipient of {record} before applying template "{template}": its merge fields are filled from the recipient.',
    fr: 'Choisissez le destinataire de {record} avant d\'appliquer le modèle « {template} » : ses champs de fusion viennent du destinataire.',
  },
  'sms.template_failed': {
    en: 'Template "{template}" could not be applied to {record}: {error}',
    fr: 'Le modèle « {template} » n\'a pas pu être appliqué à {record} : {error}',
  },
  'sms.empty_field': { en: '"{field}" of {record} is empty.', fr: '« {field} » de {record} est vide.' },
  'sms.sending': { en: 'Sending the SMS…', fr: 'Envoi du SMS…' },
  'sms.sent': { en: '{record} was sent to {number}.', fr: '{record} a été envoyé au {number}.' },
  'sms.scheduled': { en: '{record} will be sent to {number} on {date}.', fr: '{record} sera envoyé au {number} le {date}.' },
  'sms.queued': { en: '{record} is queued for {number}.', fr: '{record} est en file d\'attente pour le {number}.' },
  'sms.send_failed': { en: '{record} could not be sent: {error}', fr: '{record} n\'a pas pu être envoyé : {error}' },
  'sms.save_failed': { en: '{record} could not be saved before sending: {error}', fr: '{record} n\'a pas pu être enregistré avant l\'envoi : {error}' },
  'sms.read_only': { en: '{record} has been sent: it can no longer be changed.', fr: '{record} a été envoyé : il ne peut plus être modifié.' },
  'sms.save_record_first': { en: 'Save {record} before sending it an SMS.', fr: 'Enregistrez {record} avant de lui envoyer un SMS.' },
  'sms.config_missing': {
    en: 'No SMS configuration was found: an SMS administrator must create it before SMS can be sent.',
    fr: 'Aucune configuration SMS n\'a été trouvée : un administrateur SMS doit la créer avant tout envoi.',
  },

  // Campaigns
  'campaign.mixed_lists': {
    en: 'The marketing lists of {record} target different tables ({tables}): an SMS campaign sends to one table only.',
    fr: 'Les listes marketing de {record} ciblent des tables différentes ({tables}) : une campagne SMS n\'envoie qu\'à une seule table.',
  },
  'campaign.no_lists': {
    en: 'Add marketing lists to {record}: its recipients come from them.',
    fr: 'Ajoutez des listes marketing à {record} : ses destinataires en proviennent.',
  },
  'campaign.template_wrong_table': {
    en: 'Template "{template}" is for table {templateTable}, but {record} sends to {recipientTable}.',
    fr: 'Le modèle « {template} » s\'applique à la table {templateTable}, mais {record} envoie à la table {recipientTable}.',
  },
  'campaign.locked': {
    en: 'The SMS of {record} can no longer be changed: its status is "{state}".',
    fr: 'Le SMS de {record} ne peut plus être modifié : son statut est « {state} ».',
  },
  'campaign.working': { en: '{action}: {record}…', fr: '{action} : {record}…' },
  'campaign.progress': { en: '{action}: {record}… {progress} %', fr: '{action} : {record}… {progress} %' },
  'campaign.done': { en: '{action} ({record}): {result}', fr: '{action} ({record}) : {result}' },
  'campaign.done_no_result': { en: '{action} ({record}): done. Status "{state}".', fr: '{action} ({record}) : terminé. Statut « {state} ».' },
  'campaign.still_working': {
    en: '{action} ({record}) is still running ({progress} %): use "Refresh status" later.',
    fr: '{action} ({record}) est toujours en cours ({progress} %) : utilisez « Rafraîchir le statut » plus tard.',
  },
  'campaign.failed': { en: '{action} ({record}) failed: {error}', fr: '{action} ({record}) a échoué : {error}' },
  'campaign.not_allowed': { en: '{message} ({record})', fr: '{message} ({record})' },
  'campaign.save_first': { en: 'Save {record} first.', fr: 'Enregistrez d\'abord {record}.' },
  'campaign.confirm_send.title': { en: 'Send the SMS campaign', fr: 'Envoyer la campagne SMS' },
  'campaign.confirm_send.text': {
    en: 'Send {record} to {recipients}{cost}{when}? This cannot be undone.',
    fr: 'Envoyer {record} à {recipients}{cost}{when} ? Cette action est définitive.',
  },
  'campaign.confirm_cancel.title': { en: 'Cancel the SMS campaign', fr: 'Annuler la campagne SMS' },
  'campaign.confirm_cancel.text': {
    en: 'Cancel {record} ({recipients}{cost})? It goes back to "{state}" and must be prepared again.',
    fr: 'Annuler {record} ({recipients}{cost}) ? Elle revient au statut « {state} » et devra être préparée à nouveau.',
  },
  'campaign.recipients': { en: '{count} recipient|{count} recipients', fr: '{count} destinataire|{count} destinataires' },
  'campaign.recipients_unknown': { en: 'its recipients', fr: 'ses destinataires' },
  'campaign.cost': { en: ' for {cost}', fr: ' pour {cost}' },
  'campaign.cost_short': { en: ', {cost}', fr: ', {cost}' },
  'campaign.deferred': { en: ' on {date}', fr: ' le {date}' },
  'action.simulate': { en: 'Simulate', fr: 'Tester la campagne' },
  'action.prepare': { en: 'Prepare', fr: 'Préparer la campagne' },
  'action.send': { en: 'Send SMS', fr: 'Envoyer les SMS' },
  'action.cancel': { en: 'Cancel', fr: 'Annuler la campagne' },
  'action.refresh': { en: 'Refresh status', fr: 'Rafraîchir le statut' },
  'dialog.yes_send': { en: 'Send', fr: 'Envoyer' },
  'dialog.yes_cancel': { en: 'Cancel the campaign', fr: 'Annuler la campagne' },
  'dialog.no': { en: 'Back', fr: 'Retour' },

  // Template form
  'template.unknown_table': {
    en: '"{field}" of {record}: no table has the logical name "{table}" (write the logical name, e.g. contact, lead or account).',
    fr: '« {field} » de {record} : aucune table n\'a le nom logique « {table} » (écrivez le nom logique, par exemple contact, lead ou account).',
  },
  'template.unknown_fields': {
    en: '"{field}" of {record}: table {table} has no column {fields}.',
    fr: '« {field} » de {record} : la table {table} n\'a pas de colonne {fields}.',
  },
  'template.metadata_failed': {
    en: 'The columns of table {table} could not be read for {record}: {error}',
    fr: 'Les colonnes de la table {table} n\'ont pas pu être lues pour {record} : {error}',
  },

  // Configuration
  'config.title': { en: 'SMS Connector configuration', fr: 'Configuration du connecteur SMS' },
  'config.loading': { en: 'Loading…', fr: 'Chargement…' },
  'config.read_only': {
    en: 'Only SMS administrators can change this configuration.',
    fr: 'Seuls les administrateurs SMS peuvent modifier cette configuration.',
  },
  'config.section.connection': { en: 'Connection', fr: 'Informations de connexion' },
  'config.section.single': { en: 'Preferences: single sends', fr: 'Préférences : envois unitaires' },
  'config.section.campaign': { en: 'Preferences: SMS campaigns', fr: 'Préférences : campagnes SMS' },
  'config.section.general': { en: 'Numbers and sending hours', fr: 'Numéros et horaires d\'envoi' },
  'config.section.credit': { en: 'Credit', fr: 'Consultation du crédit' },
  'config.section.test': { en: 'Test send', fr: 'Envoi de test' },
  'config.field.provider': { en: 'Provider', fr: 'Fournisseur' },
  'config.field.login': { en: 'API login', fr: 'Identifiant API' },
  'config.field.apikey': { en: 'API key', fr: 'Clé API' },
  'config.apikey.help': {
    en: 'Stored in a secured column and never shown again. Leave empty to keep the current key.',
    fr: 'Enregistrée dans une colonne sécurisée et jamais réaffichée. Laissez vide pour conserver la clé actuelle.',
  },
  'config.field.proxy': { en: 'Proxy (server:port)', fr: 'Proxy (serveur:port)' },
  'config.field.allowtype': { en: 'Users choose the SMS type', fr: 'Choix du type de SMS' },
  'config.field.defaulttype': { en: 'Default SMS type', fr: 'Type de SMS' },
  'config.field.allowsender': { en: 'Users choose the sender', fr: 'Choix de l\'émetteur personnalisé' },
  'config.field.defaultsender': { en: 'Default sender', fr: 'Émetteur personnalisé' },
  'config.field.country': { en: 'Default country (ISO code, e.g. FR)', fr: 'Pays par défaut (code ISO, par ex. FR)' },
  'config.field.windowend': { en: 'End of the marketing sending window (HH:MM)', fr: 'Fin de la plage d\'envoi marketing (HH:MM)' },
  'config.field.testnumber': { en: 'Mobile number', fr: 'Numéro de mobile' },
  'config.field.testtext': { en: 'Text', fr: 'Texte' },
  'config.type.marketing': { en: 'Marketing', fr: 'Marketing' },
  'config.type.transactional': { en: 'Transactional', fr: 'Transactionnel' },
  'config.save': { en: 'Save', fr: 'Enregistrer' },
  'config.saving': { en: 'Saving…', fr: 'Enregistrement…' },
  'config.saved': { en: 'Configuration saved.', fr: 'Configuration enregistrée.' },
  'config.save_failed': { en: 'The configuration could not be saved: {error}', fr: 'La configuration n\'a pas pu être enregistrée : {error}' },
  'config.load_failed': { en: 'The configuration could not be read: {error}', fr: 'La configuration n\'a pas pu être lue : {error}' },
  'config.invalid': { en: '"{field}": {problem}', fr: '« {field} » : {problem}' },
  'config.problem.proxy': { en: 'write it as server:port, e.g. proxy.example.com:8080.', fr: 'écrivez-le sous la forme serveur:port, par ex. proxy.exemple.fr:8080.' },
  'config.problem.country': { en: 'two letters, e.g. FR.', fr: 'deux lettres, par ex. FR.' },
  'config.problem.sender': {
    en: '3 to 11 letters or digits, starting with a letter.',
    fr: '3 à 11 lettres ou chiffres, commençant par une lettre.',
  },
  'config.problem.window': { en: 'a time such as 20:00.', fr: 'une heure comme 20:00.' },
  'config.problem.required': { en: 'required.', fr: 'obligatoire.' },
  'config.credit.show': { en: 'Show credit', fr: 'Afficher le crédit' },
  'config.credit.checking': { en: 'Asking the provider…', fr: 'Interrogation du fournisseur…' },
  'config.credit.value': { en: 'Credit: {credit} (checked {date}).', fr: 'Crédit : {credit} (consulté le {date}).' },
  'config.credit.none': { en: 'The credit has not been checked yet.', fr: 'Le crédit n\'a pas encore été consulté.' },
  'config.credit.failed': { en: 'The credit could not be checked: {error}', fr: 'Le crédit n\'a pas pu être consulté : {error}' },
  'config.section.backend': { en: 'Backend connection', fr: 'Connexion au backend' },
  'config.field.backendurl': { en: 'Backend URL', fr: 'URL du backend' },
  'config.field.backendkey': { en: 'Webhook key', fr: 'Clé du webhook' },
  'config.backend.key_help': { en: 'The key of the deployed backend (its WEBHOOK_KEY). It is written to the service endpoint and never shown again.', fr: 'La clé du backend déployé (son WEBHOOK_KEY). Elle est écrite sur le point de terminaison et n\'est plus jamais affichée.' },
  'config.backend.connect': { en: 'Connect backend', fr: 'Connecter le backend' },
  'config.backend.connecting': { en: 'Connecting…', fr: 'Connexion…' },
  'config.backend.changed': { en: 'Backend connected: {count} change(s).', fr: 'Backend connecté : {count} modification(s).' },
  'config.backend.unchanged': { en: 'The backend was already connected: nothing changed.', fr: 'Le backend était déjà connecté : rien n\'a changé.' },
  'config.backend.skipped': { en: 'Not done: {what}', fr: 'Non fait : {what}' },
  'config.backend.failed': { en: 'The backend could not be connected: {error}', fr: 'Le backend n\'a pas pu être connecté : {error}' },
  'config.backend.admin_only': { en: 'Only SMS administrators can connect the backend.', fr: 'Seuls les administrateurs SMS peuvent connecter le backend.' },
  'config.problem.url': { en: 'an http(s) address is expected.', fr: 'une adresse http(s) est attendue.' },
  'config.test.send': { en: 'Send a test SMS', fr: 'Envoyer un SMS de test' },
  'config.test.default_text': { en: 'SMS Connector test message.', fr: 'Message de test du connecteur SMS.' },
  'config.test.sending': { en: 'Sending…', fr: 'Envoi…' },
  'config.test.sent': { en: 'Test SMS sent to {number}.', fr: 'SMS de test envoyé au {number}.' },
  'config.test.failed': { en: 'The test SMS could not be sent: {error}', fr: 'Le SMS de test n\'a pas pu être envoyé : {error}' },
  'config.single_row': {
    en: 'An SMS configuration already exists: open it instead of creating another one.',
    fr: 'Une configuration SMS existe déjà : ouvrez-la au lieu d\'en créer une autre.',
  },

  // SmsComposer control
  'composer.text': { en: 'SMS text', fr: 'Texte du SMS' },
  'composer.field': { en: 'Merge field', fr: 'Champ de fusion' },
  'composer.related': { en: 'Column of the related row', fr: 'Colonne de l\'enregistrement lié' },
  'composer.insert': { en: 'Insert', fr: 'Insérer' },
  'composer.no_table': { en: 'Choose the table to list its columns.', fr: 'Choisissez la table pour lister ses colonnes.' },
  'composer.unknown_table': { en: 'No table has the logical name "{table}".', fr: 'Aucune table n\'a le nom logique « {table} ».' },
  'composer.columns_failed': { en: 'The columns of {table} could not be read: {error}', fr: 'Les colonnes de {table} n\'ont pas pu être lues : {error}' },
  'composer.preview': { en: 'Preview with a record…', fr: 'Aperçu avec un enregistrement…' },
  'composer.preview_of': { en: 'Preview for {name}', fr: 'Aperçu pour {name}' },
  'composer.preview_missing': { en: 'Unknown merge field {fields}.', fr: 'Champ de fusion inconnu {fields}.' },
  'composer.preview_empty': { en: 'No value for {fields}.', fr: 'Aucune valeur pour {fields}.' },
  'composer.preview_failed': { en: 'The preview failed: {error}', fr: 'L\'aperçu a échoué : {error}' },

  // PhoneNumber control
  'phone.valid': { en: '{country} · {type}', fr: '{country} · {type}' },
  'phone.type.mobile': { en: 'mobile', fr: 'mobile' },
  'phone.type.fixed_line_or_mobile': { en: 'mobile or landline', fr: 'mobile ou fixe' },
  'phone.type.fixed_line': { en: 'landline: cannot receive SMS', fr: 'fixe : ne peut pas recevoir de SMS' },
  'phone.type.voip': { en: 'VoIP', fr: 'VoIP' },
  'phone.type.other': { en: 'type unknown', fr: 'type inconnu' },
  'phone.non_geographic': { en: 'International service', fr: 'Service international' },
} satisfies Record<string, Record<Language, string>>;

export type StringKey = keyof typeof STRINGS;

export function t(key: StringKey, language: Language, params?: Record<string, string | number>): string {
  const entry = STRINGS[key] as Record<Language, string>;
  return fillTemplate(entry[language] ?? entry.en, params);
}

/** A `one|other` string for `count`. */
export function plural(key: StringKey, language: Language, count: number, params: Record<string, string | number> = {}): string {
  const [one, other] = t(key, language, { count, ...params }).split('|') as [string, string?];
  return new Intl.PluralRules(language).select(count) === 'one' || other === undefined ? one : other;
}
