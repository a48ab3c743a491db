/**
 * The sections of the configuration page, each one independent: it renders its fields and, if it
 * edits the configuration row, collects their values (or problems naming its fields) on Save.
 * A new section (for example connecting the backend) is one more entry in `defaultSections()`.
 */
import { SmsProvider, SmsType } from '@smsc/core';
import { type Configuration, errorMessage, type Ports, type WebApiRow, t, type StringKey } from '@smsc/browser-shared';
import { checkbox, el, field, say, select, status, textInput } from './dom';
import { connectBackend } from './connect-backend';

export interface SectionContext {
  doc: Document;
  ports: Ports;
  configuration: Configuration | null;
  editable: boolean;
  /** Re-reads the configuration row (after an action that changed it on the server). */
  reload(): Promise<Configuration | null>;
}

export interface Collected {
  values: WebApiRow;
  problems: string[];
}

export interface ConfigurationSection {
  id: string;
  title: StringKey;
  render(context: SectionContext): HTMLElement[];
  /** Present on sections that edit the row: what to write on Save. */
  collect?(): Collected;
}

const PROXY = /^[A-Za-z0-9.-]+:\d{1,5}$/;
const COUNTRY = /^[A-Za-z]{2}$/;
const SENDER = /^[A-Za-z][A-Za-z0-9 ]{2,10}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function problem(context: SectionContext, label: string, key: StringKey): string {
  const language = context.ports.user.language;
  return t('config.invalid', language, { field: label, problem: t(key, language) });
}

function connection(): ConfigurationSection {
  let provider: HTMLSelectElement;
  let login: HTMLInputElement;
  let apiKey: HTMLInputElement;
  let proxy: HTMLInputElement;
  let ctx: SectionContext;
  return {
    id: 'connection',
    title: 'config.section.connection',
    render(context) {
      ctx = context;
      const { doc } = context;
      const language = context.ports.user.language;
      const row = context.configuration?.row ?? {};
      const providers = Object.entries(SmsProvider).map(([name, value]) => ({ value: String(value), label: name === 'AzureCommunicationServices' ? 'Azure Communication Services' : name }));
      provider = select(doc, providers, String(row.smsc_provider ?? SmsProvider.Octopush));
      login = textInput(doc, str(row.smsc_apilogin), { autocomplete: 'off', maxlength: '200' });
      // Write-only: the page never reads the key, so the field always starts empty.
      apiKey = textInput(doc, '', { type: 'password', autocomplete: 'new-password', maxlength: '500' });
      proxy = textInput(doc, str(row.smsc_proxy), { placeholder: 'proxy.example.com:8080', maxlength: '200' });
      return [
        field(doc, 'smsc-provider', t('config.field.provider', language), provider),
        field(doc, 'smsc-login', t('config.field.login', language), login),
        field(doc, 'smsc-apikey', t('config.field.apikey', language), apiKey, t('config.apikey.help', language)),
        field(doc, 'smsc-proxy', t('config.field.proxy', language), proxy),
      ];
    },
    collect() {
      const language = ctx.ports.user.language;
      const values: WebApiRow = {
        smsc_provider: Number(provider.value),
        smsc_apilogin: login.value.trim() || null,
        smsc_proxy: proxy.value.trim() || null,
      };
      const problems: string[] = [];
      if (proxy.value.trim() && !PROXY.test(proxy.value.trim())) problems.push(problem(ctx, t('config.field.proxy', language), 'config.problem.proxy'));
      if (apiKey.value.trim()) values.smsc_apikey = apiKey.value.trim();
      return { values, problems };
    },
  };
}

/** "Envois unitaires" and "Campagnes SMS" of the guide: the same four preferences, two column prefixes. */
function preferences(id: string, title: StringKey, prefix: 'smsc_' | 'smsc_campaign'): ConfigurationSection {
  let allowType: HTMLInputElement;
  let defaultType: HTMLSelectElement;
  let allowSender: HTMLInputElement;
  let defaultSender: HTMLInputElement;
  let ctx: SectionContext;
  return {
    id,
    title,
    render(context) {
      ctx = context;
      const { doc } = context;
      const language = context.ports.user.language;
      const row = context.configuration?.row ?? {};
      allowType = checkbox(doc, row[`${prefix}allowtypechoice`] === true);
      defaultType = select(
        doc,
        [
          { value: String(SmsType.Marketing), label: t('config.type.marketing', language) },
          { value: String(SmsType.Transactional), label: t('config.type.transactional', language) },
        ],
        String(row[`${prefix}defaultsmstype`] ?? SmsType.Transactional),
      );
      allowSender = checkbox(doc, row[`${prefix}allowcustomsender`] === true);
      defaultSender = textInput(doc, str(row[`${prefix}defaultsender`]), { maxlength: '11' });
      return [
        field(doc, `${id}-allowtype`, t('config.field.allowtype', language), allowType),
        field(doc, `${id}-defaulttype`, t('config.field.defaulttype', language), defaultType),
        field(doc, `${id}-allowsender`, t('config.field.allowsender', language), allowSender),
        field(doc, `${id}-defaultsender`, t('config.field.defaultsender', language), defaultSender),
      ];
    },
    collect() {
      const language = ctx.ports.user.language;
      const sender = defaultSender.value.trim();
      const problems = sender && !SENDER.test(sender) ? [problem(ctx, `${t(title, language)} – ${t('config.field.defaultsender', language)}`, 'config.problem.sender')] : [];
      return {
        values: {
          [`${prefix}allowtypechoice`]: allowType.checked,
          [`${prefix}defaultsmstype`]: Number(defaultType.value),
          [`${prefix}allowcustomsender`]: allowSender.checked,
          [`${prefix}defaultsender`]: sender || null,
        },
        problems,
      };
    },
  };
}

function general(): ConfigurationSection {
  let country: HTMLInputElement;
  let windowEnd: HTMLInputElement;
  let ctx: SectionContext;
  return {
    id: 'general',
    title: 'config.section.general',
    render(context) {
      ctx = context;
      const { doc } = context;
      const language = context.ports.user.language;
      const row = context.configuration?.row ?? {};
      country = textInput(doc, str(row.smsc_defaultcountry), { maxlength: '2', placeholder: 'FR' });
      windowEnd = textInput(doc, str(row.smsc_sendwindowend) ?? '20:00', { maxlength: '5', placeholder: '20:00' });
      return [
        field(doc, 'smsc-country', t('config.field.country', language), country),
        field(doc, 'smsc-windowend', t('config.field.windowend', language), windowEnd),
      ];
    },
    collect() {
      const language = ctx.ports.user.language;
      const problems: string[] = [];
      const code = country.value.trim();
      if (code && !COUNTRY.test(code)) problems.push(problem(ctx, t('config.field.country', language), 'config.problem.country'));
      const end = windowEnd.value.trim();
      if (end && !TIME.test(end)) problems.push(problem(ctx, t('config.field.windowend', language), 'config.problem.window'));
      return { values: { smsc_defaultcountry: code ? code.toUpperCase() : null, smsc_sendwindowend: end || null }, problems };
    },
  };
}

function credit(): ConfigurationSection {
  return {
    id: 'credit',
    title: 'config.section.credit',
    render(context) {
      const { doc, ports } = context;
      const { language, locale } = ports.user;
      const shown = status(doc, 'smsc-credit-status');
      const describe = (configuration: Configuration | null) => {
        const row = configuration?.row ?? {};
        if (typeof row.smsc_credit !== 'number') return say(shown, t('config.credit.none', language));
        const amount = `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(row.smsc_credit)} ${str(row.smsc_creditunit) ?? ''}`.trim();
        const checked = str(row.smsc_creditcheckedon);
        const date = checked ? new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(checked)) : '';
        say(shown, t('config.credit.value', language, { credit: amount, date }));
      };
      describe(context.configuration);
      const button = el(doc, 'button', { type: 'button', id: 'smsc-credit' }, [t('config.credit.show', language)]);
      button.disabled = !context.editable;
      button.addEventListener('click', async () => {
        button.disabled = true;
        say(shown, t('config.credit.checking', language));
        try {
          await ports.data.callCustomApi({ name: 'smsc_CheckCredit' });
          describe(await context.reload());
        } catch (error) {
          say(shown, t('config.credit.failed', language, { error: errorMessage(error) }), 'error');
        } finally {
          button.disabled = false;
        }
      });
      return [button, shown];
    },
  };
}

function testSend(): ConfigurationSection {
  return {
    id: 'test',
    title: 'config.section.test',
    render(context) {
      const { doc, ports } = context;
      const { language } = ports.user;
      const number = textInput(doc, '', { type: 'tel', autocomplete: 'tel', placeholder: '+33 6 12 34 56 78' });
      const text = el(doc, 'textarea', { rows: '3', maxlength: '2000' });
      text.value = t('config.test.default_text', language);
      const shown = status(doc, 'smsc-test-status');
      const button = el(doc, 'button', { type: 'button', id: 'smsc-test-send' }, [t('config.test.send', language)]);
      button.disabled = !context.editable;
      button.addEventListener('click', async () => {
        const to = number.value.trim();
        if (!to) {
          say(shown, t('config.invalid', language, { field: t('config.field.testnumber', language), problem: t('config.problem.required', language) }), 'error');
          return;
        }
        button.disabled = true;
        say(shown, t('config.test.sending', language));
        try {
          await ports.data.callCustomApi({
            name: 'smsc_SendSmsToRecipient',
            parameters: {
              PhoneNumber: { type: 'String', value: to },
              Text: { type: 'String', value: text.value },
              SmsType: { type: 'Integer', value: SmsType.Transactional },
            },
          });
          say(shown, t('config.test.sent', language, { number: to }));
        } catch (error) {
          say(shown, t('config.test.failed', language, { error: errorMessage(error) }), 'error');
        } finally {
          button.disabled = false;
        }
      });
      return [
        field(doc, 'smsc-test-number', t('config.field.testnumber', language), number),
        field(doc, 'smsc-test-text', t('config.field.testtext', language), text),
        button,
        shown,
      ];
    },
  };
}

export function defaultSections(): ConfigurationSection[] {
  return [
    connection(),
    preferences('single', 'config.section.single', 'smsc_'),
    preferences('campaign', 'config.section.campaign', 'smsc_campaign'),
    general(),
    credit(),
    testSend(),
    connectBackend(),
  ];
}
