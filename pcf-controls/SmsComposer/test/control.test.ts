/** @jest-environment jsdom */
/**
 * The SmsComposer control as Dataverse runs it: the lifecycle class with a PCF-shaped context,
 * and the bundle pcf-scripts built, registered through ComponentFramework.registerControl.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SmsComposer } from '../SmsComposer/index';

const root = join(__dirname, '..');
const out = join(root, 'out', 'controls', 'SmsComposer');

function context(options: { text?: string | null; table?: string | null; recipientType?: number | null; disabled?: boolean; editable?: boolean; languageId?: number } = {}) {
  return {
    parameters: {
      value: { raw: options.text ?? 'Hello', security: { editable: options.editable ?? true, readable: true, secured: options.editable === false } },
      table: { raw: options.table ?? null },
      recipientType: { raw: options.recipientType ?? null },
      maxLength: { raw: null },
    },
    mode: { isControlDisabled: options.disabled ?? false },
    userSettings: { languageId: options.languageId ?? 1033 },
    webAPI: {},
    utils: { lookupObjects: async () => [] },
  } as unknown as ComponentFramework.Context<never>;
}

describe('SmsComposer lifecycle', () => {
  test('init renders the bound text; typing notifies and getOutputs returns it', () => {
    const control = new SmsComposer();
    const container = document.createElement('div');
    let notified = 0;
    control.init(context({ text: 'Bonjour', languageId: 1036 }) as never, () => notified++, {}, container);
    const textarea = container.querySelector('textarea') as HTMLTextAreaElement;
    expect(textarea.value).toBe('Bonjour');
    expect(container.querySelector('.smsc-counter')?.textContent).toBe('7 caractères · GSM-7 · 1 SMS · 153 restants dans cette partie');
    textarea.value = 'Bonjour Anna';
    textarea.dispatchEvent(new Event('input'));
    expect(notified).toBe(1);
    expect(control.getOutputs()).toEqual({ value: 'Bonjour Anna' });
    control.destroy();
    expect(container.children).toHaveLength(0);
  });

  test('a column the user may not edit, or a disabled form, makes it read-only', () => {
    const control = new SmsComposer();
    const container = document.createElement('div');
    control.init(context({ editable: false }) as never, () => undefined, {}, container);
    expect((container.querySelector('textarea') as HTMLTextAreaElement).disabled).toBe(true);
    control.updateView(context({ editable: true, disabled: true }) as never);
    expect((container.querySelector('textarea') as HTMLTextAreaElement).disabled).toBe(true);
    control.updateView(context({ editable: true }) as never);
    expect((container.querySelector('textarea') as HTMLTextAreaElement).disabled).toBe(false);
  });
});

describe('SmsComposer build output', () => {
  beforeAll(() => {
    // `npm test` builds first; a bare `jest` run builds the control itself.
    if (!existsSync(join(out, 'bundle.js'))) execFileSync(process.execPath, [join(root, '..', 'build-control.mjs')], { cwd: root, stdio: 'ignore' });
  });

  test('ControlManifest.xml names SmsConnector.SmsComposer with its English and French strings', () => {
    const manifest = readFileSync(join(out, 'ControlManifest.xml'), 'utf8');
    expect(manifest).toMatch(/<control namespace="SmsConnector" constructor="SmsComposer"/);
    expect(manifest).toContain('<resx path="strings/SmsComposer.1033.resx"');
    expect(manifest).toContain('<resx path="strings/SmsComposer.1036.resx"');
    expect(manifest).toMatch(/<property name="value"[^>]*of-type="Multiple"[^>]*usage="bound"/);
    expect(readFileSync(join(out, 'strings', 'SmsComposer.1036.resx'), 'utf8')).toContain('<value>Éditeur de SMS</value>');
    expect(existsSync(join(out, 'css', 'SmsComposer.css'))).toBe(true);
  });

  test('bundle.js registers the control with the PCF runtime and it runs', () => {
    const registered: Record<string, new () => SmsComposer> = {};
    (window as unknown as { ComponentFramework: unknown }).ComponentFramework = {
      registerControl: (name: string, ctor: new () => SmsComposer) => (registered[name] = ctor),
    };
    const script = document.createElement('script');
    script.textContent = readFileSync(join(out, 'bundle.js'), 'utf8');
    document.head.append(script);
    const Control = registered['SmsConnector.SmsComposer'];
    expect(typeof Control).toBe('function');
    const container = document.createElement('div');
    const control = new (Control as new () => SmsComposer)();
    control.init(context({ text: 'Code: 1234' }) as never, () => undefined, {}, container);
    expect(container.querySelector('.smsc-counter')?.textContent).toBe('10 characters · GSM-7 · 1 SMS · 150 left in this part');
  });
});
