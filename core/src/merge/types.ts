/** Values a merge field can take, as the Dataverse Web API gives them once typed. */
export interface MoneyValue {
  kind: 'money';
  amount: number;
  /** ISO 4217; defaults to the render options' currency. */
  currency?: string;
}
export interface ChoiceValue {
  kind: 'choice';
  value: number | number[];
  /** Label(s) in the user's language, from metadata or the FormattedValue annotation. */
  label: string | string[];
}
export interface LookupValue {
  kind: 'lookup';
  id: string;
  entity: string;
  name: string | null;
  /** The related row's columns, for `[lookup.attribute]`. */
  record?: MergeRecord;
}
/** A Dataverse "Date only" column: a calendar day with no time zone. */
export interface DateOnlyValue {
  kind: 'date';
  value: string;
}

export type MergeValue = string | number | boolean | Date | null | MoneyValue | ChoiceValue | LookupValue | DateOnlyValue;

/** A row's columns by logical name. A column absent from the record is unknown; null is empty. */
export type MergeRecord = { readonly [attribute: string]: MergeValue | undefined };

export interface MergeData {
  /** The SMS recipient: contact, lead, account… */
  recipient: MergeRecord;
  /** The row the SMS is about (`[regarding:…]`), e.g. the order of an "order fulfilled" process. */
  regarding?: MergeRecord | null;
}

export interface MergeField {
  /** As written, brackets included. */
  raw: string;
  scope: 'recipient' | 'regarding';
  /** Lookup column when the field reads a related row (`[parentcustomerid.name]`). */
  lookup?: string;
  attribute: string;
  fallback?: string;
  /** Position in the template text. */
  start: number;
  end: number;
}

export interface RenderOptions {
  /** BCP 47, e.g. fr-FR: formats numbers, dates and money. */
  locale?: string;
  /** IANA zone for date-times, e.g. Europe/Paris. */
  timeZone?: string;
  /** Currency of money values that carry none. */
  currency?: string;
}
