/**
 * The configuration page (`smsc_/pages/configuration.html`): the one `smsc_configuration` row
 * edited section by section. Only SMS administrators can change it; the API key is sent when
 * typed and never read back.
 */
import { CONFIGURATION_SET, loadConfiguration, type Configuration, errorMessage, type Ports, type WebApiRow, ADMINISTRATOR_ROLES, hasAnyRole, t } from '@smsc/browser-shared';
import { el, say, status } from './dom';
import { defaultSections, type ConfigurationSection, type SectionContext } from './sections';

export interface PageOptions {
  root: HTMLElement;
  ports: Ports;
  sections?: ConfigurationSection[];
}

export async function renderPage({ root, ports, sections = defaultSections() }: PageOptions): Promise<void> {
  const doc = root.ownerDocument;
  const { language } = ports.user;
  doc.documentElement.lang = language;
  doc.title = t('config.title', language);
  root.replaceChildren(el(doc, 'h1', {}, [t('config.title', language)]), el(doc, 'p', {}, [t('config.loading', language)]));

  let configuration: Configuration | null;
  try {
    configuration = await loadConfiguration(ports.data);
  } catch (error) {
    root.replaceChildren(el(doc, 'h1', {}, [t('config.title', language)]), el(doc, 'p', { role: 'alert' }, [t('config.load_failed', language, { error: errorMessage(error) })]));
    return;
  }
  const editable = hasAnyRole(ports.user, ADMINISTRATOR_ROLES);
  const context: SectionContext = {
    doc,
    ports,
    configuration,
    editable,
    async reload() {
      configuration = await loadConfiguration(ports.data);
      context.configuration = configuration;
      return configuration;
    },
  };

  const form = el(doc, 'form', { novalidate: '' });
  for (const section of sections) {
    const fieldset = el(doc, 'fieldset', { id: `smsc-section-${section.id}` }, [el(doc, 'legend', {}, [t(section.title, language)]), ...section.render(context)]);
    if (section.collect) fieldset.disabled = !editable;
    form.append(fieldset);
  }
  const saveStatus = status(doc, 'smsc-save-status');
  const save = el(doc, 'button', { type: 'submit', id: 'smsc-save' }, [t('config.save', language)]);
  save.disabled = !editable;
  form.append(save, saveStatus);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void saveConfiguration(context, sections, saveStatus, form);
  });

  const header: HTMLElement[] = [el(doc, 'h1', {}, [t('config.title', language)])];
  if (!editable) header.push(el(doc, 'p', { role: 'note' }, [t('config.read_only', language)]));
  root.replaceChildren(...header, form);
}

async function saveConfiguration(context: SectionContext, sections: ConfigurationSection[], shown: HTMLElement, form: HTMLFormElement): Promise<void> {
  const { language } = context.ports.user;
  const values: WebApiRow = {};
  const problems: string[] = [];
  for (const section of sections) {
    const collected = section.collect?.();
    if (!collected) continue;
    Object.assign(values, collected.values);
    problems.push(...collected.problems);
  }
  if (problems.length > 0) {
    say(shown, problems.join(' '), 'error');
    return;
  }
  say(shown, t('config.saving', language));
  try {
    const existing = context.configuration;
    if (existing) await context.ports.data.updateRecord(CONFIGURATION_SET, existing.id, values);
    else await context.ports.data.createRecord(CONFIGURATION_SET, { smsc_name: 'SMS Connector', ...values });
    await context.reload();
    // The key is gone from the page once written.
    form.querySelectorAll<HTMLInputElement>('input[type="password"]').forEach((input) => (input.value = ''));
    say(shown, t('config.saved', language));
  } catch (error) {
    say(shown, t('config.save_failed', language, { error: errorMessage(error) }), 'error');
  }
}
