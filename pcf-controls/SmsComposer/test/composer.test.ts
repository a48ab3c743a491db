/** @jest-environment jsdom */
import type { MergeData } from '@smsc/core';
import { Composer, type ComposerDeps } from '../SmsComposer/composer';
import type { TableInfo } from '@smsc/browser-shared';
const CONTACT: TableInfo = {
  logicalName: 'contact',
  displayName: 'Contact',
  primaryNameAttribute: 'fullname',
  columns: [
    { logicalName: 'firstname', displayName: 'First Name', type: 'string', targets: [] },
    { logicalName: 'parentcustomerid', displayName: 'Company Name', type: 'customer', targets: ['account', 'contact'] },
  ],
};
const ACCOUNT: TableInfo = {
  logicalName: 'account',
  displayName: 'Account',
  primaryNameAttribute: 'name',
  columns: [
    { logicalName: 'name', displayName: 'Account Name', type: 'string', targets: [] },
    { logicalName: 'primarycontactid', displayName: 'Primary Contact', type: 'lookup', targets: ['contact'] },
  ],
};

function setup(overrides: Partial<ComposerDeps> = {}, language: 'en' | 'fr' = 'en') {
  document.body.innerHTML = '<div id="host"></div>';
  const host = document.getElementById('host') as HTMLDivElement;
  const changes: string[] = [];
  const deps: ComposerDeps = {
    metadata: { table: async (name) => [CONTACT, ACCOUNT].find((t) => t.logicalName === name) ?? null },
    pickRecord: async () => ({ entityType: 'contact', id: 'c1', name: 'David Smith' }),
    loadMergeData: async (): Promise<MergeData> => ({ recipient: { firstname: 'David' } }),
    language,
    locale: language === 'fr' ? 'fr-FR' : 'en-US',
    timeZone: 'Europe/Paris',
    ...overrides,
  };
  const composer = new Composer(host, deps, (text) => changes.push(text));
  const textarea = host.querySelector('textarea') as HTMLTextAreaElement;
  const selects = host.querySelectorAll('select');
  const buttons = host.querySelectorAll('button');
  return {
    composer,
    host,
    changes,
    textarea,
    fieldSelect: selects[0] as HTMLSelectElement,
    relatedSelect: selects[1] as HTMLSelectElement,
    insert: buttons[0] as HTMLButtonElement,
    previewButton: buttons[1] as HTMLButtonElement,
    text: (selector: string) => (host.querySelector(selector) as HTMLElement).textContent,
    type(value: string) {
      textarea.value = value;
      textarea.dispatchEvent(new Event('input'));
    },
  };
}

describe('SmsComposer component', () => {
  test('counts as the user types, and warns about a UCS-2 character', () => {
    const c = setup({}, 'fr');
    c.composer.update({ text: '', table: null, disabled: false });
    c.type('Prix : 10 €');
    expect(c.text('.smsc-counter')).toBe('11 caractères · GSM-7 · 1 SMS · 148 restants dans cette partie');
    expect(c.changes).toEqual(['Prix : 10 €']);
    c.type('Merci 🙏');
    expect(c.text('.smsc-warning')).toBe('Unicode (UCS-2) à cause de « 🙏 » : 70 caractères par SMS au lieu de 160.');
  });

  test('flags a text over the maximum length', () => {
    const c = setup();
    c.composer.update({ text: 'x'.repeat(490), table: null, disabled: false, maxLength: 489 });
    expect(c.text('.smsc-error')).toBe('490 characters: the maximum is 489.');
  });

  test('lists the columns of the table and inserts the chosen field at the cursor', async () => {
    const c = setup();
    c.composer.update({ text: 'Hello  !', table: 'contact', disabled: false });
    await c.composer.idle();
    expect([...c.fieldSelect.options].map((o) => o.textContent)).toEqual(['First Name [firstname]', 'Company Name → [parentcustomerid]']);
    c.textarea.setSelectionRange(6, 6);
    c.fieldSelect.value = 'firstname';
    c.insert.click();
    expect(c.textarea.value).toBe('Hello [firstname] !');
    expect(c.textarea.selectionStart).toBe(17);
    expect(c.changes).toEqual(['Hello [firstname] !']);
  });

  test('a lookup expands one level into the columns of its targets', async () => {
    const c = setup();
    c.composer.update({ text: '', table: 'contact', disabled: false });
    await c.composer.idle();
    c.fieldSelect.value = 'parentcustomerid';
    c.fieldSelect.dispatchEvent(new Event('change'));
    await c.composer.idle();
    expect(c.relatedSelect.hidden).toBe(false);
    expect([...c.relatedSelect.options].map((o) => o.value)).toEqual(['', 'name', 'firstname']);
    c.relatedSelect.value = 'name';
    c.insert.click();
    expect(c.textarea.value).toBe('[parentcustomerid.name]');
  });

  test('an unknown table is said, not an empty list', async () => {
    const c = setup();
    c.composer.update({ text: '', table: 'nothing', disabled: false });
    await c.composer.idle();
    expect(c.host.textContent).toContain('No table has the logical name "nothing".');
  });

  test('previews the text for a chosen record, with unknown fields', async () => {
    const picked: string[] = [];
    const c = setup({ pickRecord: async (table) => (picked.push(table), { entityType: 'contact', id: 'c1', name: 'David Smith' }) });
    c.composer.update({ text: 'Hi [firstname] [nickname]', table: 'contact', disabled: false });
    await c.composer.idle();
    c.previewButton.click();
    await c.composer.idle();
    expect(picked).toEqual(['contact']);
    expect(c.text('.smsc-preview')).toBe('Preview for David Smith\nHi David [nickname]\n19 characters · GSM-7 · 1 SMS · 139 left in this part\nUnknown merge field [nickname].');
  });

  test('disabled: read-only text and no picker; a value from the form does not echo back', () => {
    const c = setup();
    c.composer.update({ text: 'Sent text', table: 'contact', disabled: true });
    expect(c.textarea.disabled).toBe(true);
    expect((c.host.querySelector('.smsc-picker') as HTMLElement).hidden).toBe(true);
    expect(c.changes).toEqual([]);
  });
});
