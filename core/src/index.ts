// Encoding and segments
export { analyzeSms, GSM7_SINGLE, GSM7_CONCATENATED, UCS2_SINGLE, UCS2_CONCATENATED } from './encoding/analyze';
export type { SmsAnalysis, SmsEncoding } from './encoding/analyze';
export { GSM7_BASIC, GSM7_EXTENSION, gsmSeptetCost, isGsm7Text } from './encoding/gsm7';
export { transliterateToGsm7 } from './encoding/transliterate';
export { splitSms } from './encoding/split';
export type { Transliteration } from './encoding/transliterate';

// Phone numbers
export { normalizePhone, countryName } from './phone/normalize';
export type { NormalizedPhone, NormalizePhoneOptions, PhoneRejection, PhoneType } from './phone/normalize';

// Merge fields
export { parseTemplate, fieldKey, requiredColumns } from './merge/parse';
export type { ParsedTemplate } from './merge/parse';
export { renderTemplate } from './merge/render';
export type { RenderResult } from './merge/render';
export { formatMergeValue, isEmptyMergeValue } from './merge/format';
export { mergeRecordFromWebApi } from './merge/webapi';
export type { AttributeKind, FromWebApiOptions } from './merge/webapi';
export type {
  MergeData,
  MergeField,
  MergeRecord,
  MergeValue,
  MoneyValue,
  ChoiceValue,
  LookupValue,
  DateOnlyValue,
  RenderOptions,
} from './merge/types';

// Campaign simulation and its report
export {
  simulateRecipient,
  createSimulationContext,
  summarizeSimulation,
  summaryText,
  MAX_CAMPAIGN_LENGTH,
} from './simulation/simulate';
export type {
  SimulationContext,
  SimulationIssue,
  SimulationIssueCode,
  SimulationOptions,
  SimulationRecipient,
  SimulationRow,
  SimulationSummary,
} from './simulation/simulate';
export { toResumeCsv, csvField, csvLine, RESUME_CSV_HEADER } from './simulation/resume-csv';
export type { ResumeCsvRow } from './simulation/resume-csv';

// Compliance
export { nextAllowedSendTime, isSendTimeAllowed, sendWindowFor, FRENCH_MARKETING_WINDOW, DEFAULT_MARKETING_WINDOWS } from './compliance/send-window';
export type { SendTimeOptions, SendWindow, SmsPurpose } from './compliance/send-window';
export { frenchPublicHolidays, easterSunday } from './compliance/holidays';
export type { Holiday } from './compliance/holidays';
export { hasStopMention, STOP_MENTION_COUNTRIES } from './compliance/stop-mention';
export { wallClock, fromWallClock } from './compliance/zoned-time';
export type { WallClock } from './compliance/zoned-time';

// Sending preferences
export { applySendPreferences, isValidSender } from './sending/preferences';
export type { SendPreferences, SendOptions, SmsTypeName } from './sending/preferences';

// Campaign lifecycle
export { campaignTransition, allowedCampaignActions, campaignStateLabel } from './campaign/state-machine';
export type { CampaignAction, CampaignState, TransitionResult } from './campaign/state-machine';

// Product contract: option values of the solution's choices
export {
  SmsType,
  SmsDirection,
  DeliveryStatus,
  TemplateStatus,
  CampaignSmsStatus,
  SmsProvider,
  RecipientType,
  OptOutSource,
  choiceName,
} from './contract/choices';
export {
  SmsTypeLabels,
  SmsDirectionLabels,
  DeliveryStatusLabels,
  TemplateStatusLabels,
  SmsProviderLabels,
  OptOutSourceLabels,
  RecipientTypeLabels,
  CampaignSmsStatusLabels,
  choiceLabel,
  type ChoiceLabel,
} from './contract/choice-labels';
export { CONFIGURATION_COLUMNS, CONFIGURATION_SECRET_COLUMNS, CONFIGURATION_DEFAULTS, readConfiguration, defaultConfigurationRow } from './contract/configuration';
export type { ConfigurationSettings, ProviderName } from './contract/configuration';

// Languages
export { toLanguage, fillTemplate, SUPPORTED_LANGUAGES } from './i18n/language';
export type { Language } from './i18n/language';
export { message, pluralMessage } from './i18n/messages';
export type { MessageCode } from './i18n/messages';
