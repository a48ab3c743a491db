import { Metadata } from 'libphonenumber-js/core';
import type { CountryCode, MetadataJson } from 'libphonenumber-js/core';
import maxMetadata from 'libphonenumber-js/metadata.max.json';

/**
 * A faster route to libphonenumber's answer for the common case, using libphonenumber's own
 * metadata: a country that has its calling code to itself (FR +33, IL +972, DE +49…) and simple
 * national-prefix rules. libphonenumber compiles a fresh RegExp for every pattern test; here each
 * pattern is compiled once. Anything outside that domain returns null and goes through
 * libphonenumber itself, and a differential test checks that both agree wherever this answers.
 */

/** The parts of libphonenumber's numbering plan this module reads (internal, hence guarded). */
interface NumberingPlanView {
  callingCode(): string;
  leadingDigits(): string | undefined;
  nationalPrefix(): string | undefined;
  nationalPrefixForParsing(): string | undefined;
  nationalPrefixTransformRule(): string | undefined;
  nationalNumberPattern(): string;
  IDDPrefix(): string;
  type(name: string): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
}

interface MetadataView {
  hasCountry(country: string): boolean;
  selectNumberingPlan(country: string): MetadataView;
  numberingPlan: NumberingPlanView;
  countryCallingCodes(): Record<string, string[]>;
}

export interface FastPhone {
  e164: string;
  country: string;
  /** libphonenumber's type name, e.g. MOBILE. */
  type: string;
}

interface CompiledPlan {
  country: string;
  callingCode: string;
  /** False when national numbers of this country need libphonenumber's prefix rules. */
  simpleNationalPrefix: boolean;
  /** What libphonenumber may strip from the start of a national number (regex). */
  prefixForParsing: RegExp | undefined;
  /** Set for the smaller countries of a shared calling code (JE, GG, IM under +44). */
  leadingDigits: RegExp | undefined;
  nationalPrefix: string | undefined;
  idd: RegExp;
  nationalNumber: RegExp;
  fixedLine: CompiledType | undefined;
  mobile: CompiledType | undefined;
  /** libphonenumber drops a mobile pattern equal to the fixed-line one: such numbers are FIXED_LINE_OR_MOBILE. */
  mobileSameAsFixed: boolean;
  others: Array<[string, CompiledType]>;
}

interface CompiledType {
  pattern: RegExp;
  lengths: number[] | undefined;
}

const OTHER_TYPES = ['PREMIUM_RATE', 'TOLL_FREE', 'SHARED_COST', 'VOIP', 'PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL'];

let metadata: MetadataView | null | undefined;
const plans = new Map<string, CompiledPlan | null>();
let countriesByCallingCode: Map<string, string[]> | undefined;

function loadMetadata(): MetadataView | null {
  if (metadata === undefined) {
    try {
      const m = new (Metadata as unknown as new (json: MetadataJson) => MetadataView)(maxMetadata as MetadataJson);
      const usable = typeof m.selectNumberingPlan === 'function' && typeof m.countryCallingCodes === 'function';
      metadata = usable ? m : null;
    } catch {
      metadata = null;
    }
  }
  return metadata;
}

function whole(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`);
}

function compileType(plan: NumberingPlanView, name: string): CompiledType | undefined {
  const t = plan.type(name);
  const pattern = t?.pattern();
  if (!t || !pattern) return undefined;
  return { pattern: whole(pattern), lengths: t.possibleLengths() };
}

/** The compiled plan of a country (null when libphonenumber has no metadata for it). */
function planFor(country: string): CompiledPlan | null {
  const cached = plans.get(country);
  if (cached !== undefined) return cached;
  let compiled: CompiledPlan | null = null;
  const meta = loadMetadata();
  if (meta && meta.hasCountry(country)) {
    const plan = meta.selectNumberingPlan(country).numberingPlan;
    const prefix = plan.nationalPrefix();
    const simplePrefix = plan.nationalPrefixForParsing() === prefix && !plan.nationalPrefixTransformRule();
    const mobileType = plan.type('MOBILE');
    const forParsing = plan.nationalPrefixForParsing();
    {
      const leadingDigits = plan.leadingDigits();
      compiled = {
        country,
        callingCode: plan.callingCode(),
        simpleNationalPrefix: simplePrefix && (prefix === undefined || /^\d+$/.test(prefix)),
        prefixForParsing: forParsing ? new RegExp(`^(?:${forParsing})`) : undefined,
        leadingDigits: leadingDigits ? new RegExp(leadingDigits) : undefined,
        nationalPrefix: prefix,
        idd: new RegExp(`^(?:${plan.IDDPrefix()})`),
        nationalNumber: whole(plan.nationalNumberPattern()),
        fixedLine: compileType(plan, 'FIXED_LINE'),
        mobile: compileType(plan, 'MOBILE'),
        mobileSameAsFixed: mobileType !== undefined && mobileType.pattern() === '',
        others: OTHER_TYPES.flatMap((name) => {
          const t = compileType(plan, name);
          return t ? [[name, t] as [string, CompiledType]] : [];
        }),
      };
    }
  }
  plans.set(country, compiled);
  return compiled;
}

function matches(type: CompiledType | undefined, national: string): boolean {
  if (!type) return false;
  if (type.lengths && !type.lengths.includes(national.length)) return false;
  return type.pattern.test(national);
}

/** libphonenumber's getNumberType, on compiled patterns. */
function numberType(plan: CompiledPlan, national: string): string | undefined {
  if (!plan.nationalNumber.test(national)) return undefined;
  if (matches(plan.fixedLine, national)) {
    if (plan.mobileSameAsFixed || !plan.mobile || matches(plan.mobile, national)) return 'FIXED_LINE_OR_MOBILE';
    return 'FIXED_LINE';
  }
  if (matches(plan.mobile, national)) return 'MOBILE';
  for (const [name, type] of plan.others) if (matches(type, national)) return name;
  return undefined;
}

/** Countries per calling code, in libphonenumber's order (the main country first). */
function callingCodeCountries(): Map<string, string[]> {
  if (!countriesByCallingCode) {
    countriesByCallingCode = new Map();
    for (const [code, countries] of Object.entries(loadMetadata()?.countryCallingCodes() ?? {})) {
      if (countries.every((c) => c.length === 2)) countriesByCallingCode.set(code, countries);
    }
  }
  return countriesByCallingCode;
}

/**
 * The country of an international number, as libphonenumber picks it among the countries that
 * share a calling code: the first whose leading digits match, or, for a country without leading
 * digits, whose patterns accept the number.
 */
function countryForInternational(digits: string): { plan: CompiledPlan; national: string } | null {
  const codes = callingCodeCountries();
  for (let length = 1; length <= 3 && length < digits.length; length++) {
    const countries = codes.get(digits.slice(0, length));
    if (!countries) continue;
    const national = digits.slice(length);
    const main = planFor(countries[0] as string);
    // Anything libphonenumber could strip as a national prefix ("+33 06…") is its to untangle.
    if (!main || main.prefixForParsing?.test(national) || (main.nationalPrefix && national.startsWith(main.nationalPrefix))) return null;
    if (countries.length === 1) return { plan: main, national };
    for (const country of countries) {
      const plan = planFor(country);
      if (!plan) return null;
      const chosen = plan.leadingDigits ? national.search(plan.leadingDigits) === 0 : numberType(plan, national) !== undefined;
      if (chosen) return { plan, national };
    }
    return null;
  }
  return null;
}

/**
 * `compact` holds only digits and an optional leading '+' (00 already turned into '+'). Returns
 * the valid number, or null when libphonenumber must decide (invalid, or outside the domain).
 */
export function fastNormalize(compact: string, defaultCountry: CountryCode | undefined): FastPhone | null {
  let plan: CompiledPlan | null;
  let national: string;
  if (compact.startsWith('+')) {
    const found = countryForInternational(compact.slice(1));
    if (!found) return null;
    plan = found.plan;
    national = found.national;
  } else {
    if (!defaultCountry) return null;
    plan = planFor(defaultCountry);
    // Where countries share a calling code, libphonenumber may assign the number to another one.
    if (!plan || !plan.simpleNationalPrefix || plan.idd.test(compact) || callingCodeCountries().get(plan.callingCode)?.length !== 1) return null;
    national = plan.nationalPrefix && compact.startsWith(plan.nationalPrefix) ? compact.slice(plan.nationalPrefix.length) : compact;
    // Digits that begin with the calling code may be an international number without '+'.
    if (compact.startsWith(plan.callingCode)) return null;
  }
  if (national.length < 2 || national.length > 17) return null;
  const type = numberType(plan, national);
  if (!type) return null;
  return { e164: `+${plan.callingCode}${national}`, country: plan.country, type };
}
