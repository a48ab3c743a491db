/** Tables and entity sets the backend reads and writes (names from the product contract). */
export const SETS = {
  sms: 'smsc_smses',
  template: 'smsc_smstemplates',
  configuration: 'smsc_configurations',
  optOut: 'smsc_optouts',
  contact: 'contacts',
  lead: 'leads',
  account: 'accounts',
  userSettings: 'usersettingscollection',
} as const;

/** Tables that can receive an SMS, with the column holding their mobile number. */
export const RECIPIENT_TABLES = {
  contact: { set: 'contacts', id: 'contactid', name: 'fullname', mobile: 'mobilephone' },
  lead: { set: 'leads', id: 'leadid', name: 'fullname', mobile: 'mobilephone' },
  account: { set: 'accounts', id: 'accountid', name: 'name', mobile: undefined },
} as const;

export type RecipientTable = keyof typeof RECIPIENT_TABLES;

export function isRecipientTable(name: string): name is RecipientTable {
  return name in RECIPIENT_TABLES;
}

/** Activity party participation: 2 = To (the recipient of an SMS). */
export const PARTY_TO = 2;
/** 1 = From: the sender of an inbound SMS. */
export const PARTY_FROM = 1;

/** Standard activity states: the values every activity table shares. */
export const ACTIVITY_STATE = {
  open: { statecode: 0, statuscode: 1 },
  completed: { statecode: 1, statuscode: 2 },
  canceled: { statecode: 2, statuscode: 3 },
} as const;
