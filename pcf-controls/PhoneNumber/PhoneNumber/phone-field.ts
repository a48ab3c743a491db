/**
 * The PhoneNumber component, free of the PCF runtime: what the user types is normalised to E.164
 * with the default country when it leaves the field; the country and the kind of line are shown,
 * and a number that cannot be valid (or cannot receive SMS) is flagged without losing what was typed.
 */
import { countryName, normalizePhone, type Language, type PhoneType } from '@smsc/core';
import { t, type StringKey } from '@smsc/browser-shared';
export type PhoneLevel = 'none' | 'ok' | 'warning' | 'error';

export interface PhoneCheck {
  /** What the column should hold: E.164 when valid, otherwise the text as typed. */
  value: string | null;
  level: PhoneLevel;
  status: string;
}

const TYPE_KEYS: Partial<Record<PhoneType, StringKey>> = {
  mobile: 'phone.type.mobile',
  fixed_line_or_mobile: 'phone.type.fixed_line_or_mobile',
  fixed_line: 'phone.type.fixed_line',
  voip: 'phone.type.voip',
};

export function checkPhone(raw: string | null, defaultCountry: string | null, language: Language): PhoneCheck {
  const input = (raw ?? '').trim();
  if (!input) return { value: null, level: 'none', status: '' };
  const result = normalizePhone(input, { defaultCountry, language });
  if (!result.ok) return { value: input, level: 'error', status: result.message };
  const country = result.country ? countryName(result.country, language) : t('phone.non_geographic', language);
  const type = t(TYPE_KEYS[result.type] ?? 'phone.type.other', language);
  return { value: result.e164, level: result.canReceiveSms ? 'ok' : 'warning', status: t('phone.valid', language, { country, type }) };
}

export interface PhoneProps {
  value: string | null;
  defaultCountry: string | null;
  disabled: boolean;
}

export class PhoneField {
  readonly element: HTMLElement;
  private readonly input: HTMLInputElement;
  private readonly status: HTMLElement;
  private props: PhoneProps = { value: null, defaultCountry: null, disabled: false };

  constructor(
    container: HTMLElement,
    private readonly language: Language,
    private readonly onChange: (value: string | null) => void,
  ) {
    const doc = container.ownerDocument;
    this.element = doc.createElement('div');
    this.element.className = 'smsc-phone';
    this.input = doc.createElement('input');
    this.input.type = 'tel';
    this.input.autocomplete = 'tel';
    this.status = doc.createElement('div');
    this.status.className = 'smsc-phone-status';
    this.status.id = `smsc-phone-status-${Math.random().toString(36).slice(2)}`;
    this.status.setAttribute('aria-live', 'polite');
    this.input.setAttribute('aria-describedby', this.status.id);
    this.element.append(this.input, this.status);
    container.append(this.element);
    this.input.addEventListener('change', () => this.commit());
  }

  update(props: PhoneProps): void {
    this.props = props;
    this.input.disabled = props.disabled;
    // While the user is typing, a value echoed back by the form must not overwrite the input.
    if (this.input.ownerDocument.activeElement !== this.input || this.input.value === '') this.input.value = props.value ?? '';
    this.show(checkPhone(this.input.value, props.defaultCountry, this.language));
  }

  /** Normalises what was typed and hands it to the form. */
  commit(): void {
    const check = checkPhone(this.input.value, this.props.defaultCountry, this.language);
    if (check.value !== null && check.level !== 'error') this.input.value = check.value;
    this.show(check);
    this.onChange(check.value);
  }

  destroy(): void {
    this.element.remove();
  }

  private show(check: PhoneCheck): void {
    this.status.textContent = check.status;
    this.status.dataset.level = check.level;
    this.input.setAttribute('aria-invalid', String(check.level === 'error'));
  }
}
