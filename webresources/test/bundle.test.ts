/** @jest-environment jsdom */
/**
 * The built web resources as the solution ships them: every function that docs/surface.md (and,
 * when present, the solution's forms and ribbons) names exists in the bundle, and the bundle runs
 * against an Xrm-shaped page.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XrmMockGenerator } from 'xrm-mock';

const repo = join(__dirname, '..', '..');
const outdir = mkdtempSync(join(tmpdir(), 'smsc-webresources-'));
execFileSync(process.execPath, [join(repo, 'webresources', 'build.mjs'), outdir]);
const bundle = readFileSync(join(outdir, 'smsconnector.js'), 'utf8');

const FUNCTION_NAME = /SmsConnector\.([A-Za-z]+)\.([A-Za-z]+)/g;
/** A form event handler (`functionName="…"`) or ribbon action (`FunctionName="…"`), in XML or JSON. */
const REGISTERED_FUNCTION = /[Ff]unction[Nn]ame["']?\s*[=:]\s*["']SmsConnector\.([A-Za-z]+)\.([A-Za-z]+)["']/g;

function namesIn(text: string, pattern = FUNCTION_NAME): string[] {
  return [...text.matchAll(pattern)].map((m) => `${m[1]}.${m[2]}`);
}

/** Form event handlers and ribbon functions named anywhere in the solution source, if it exists yet. */
function solutionNames(dir = join(repo, 'solution')): string[] {
  if (!existsSync(dir)) return [];
  const names: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === 'dist' || entry === 'out') continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) names.push(...solutionNames(path));
    else if (/\.(xml|json)$/.test(entry)) names.push(...namesIn(readFileSync(path, 'utf8'), REGISTERED_FUNCTION));
  }
  return names;
}

function loadBundle(): Record<string, Record<string, unknown>> {
  const script = document.createElement('script');
  script.textContent = bundle;
  document.head.append(script);
  return (window as unknown as { SmsConnector: Record<string, Record<string, unknown>> }).SmsConnector;
}

describe('smsconnector.js', () => {
  const surface = readFileSync(join(repo, 'docs', 'surface.md'), 'utf8');
  const named = [...new Set([...namesIn(surface), ...solutionNames()])];

  test('is one minified IIFE whose only top-level name is the SmsConnector global', () => {
    expect(bundle).toMatch(/^("use strict";)?var SmsConnector=\(\(\)=>\{/);
    expect(bundle.trimEnd()).toMatch(/\}\)\(\);$/);
    expect(bundle).not.toContain('sourceMappingURL');
    // Minified: no indentation survives.
    expect(bundle).not.toMatch(/\n {2}/);
  });

  test.each(named)('defines SmsConnector.%s', (name) => {
    const [namespace, fn] = name.split('.') as [string, string];
    const global = loadBundle();
    expect(typeof global[namespace]?.[fn]).toBe('function');
  });

  test('registered function names are found in solution XML', () => {
    const xml = '<JavaScriptFunction Library="$webresource:smsc_/scripts/smsconnector.js" FunctionName="SmsConnector.CampaignRibbon.run"><Handler functionName="SmsConnector.SmsForm.onLoad" libraryName="smsc_/scripts/smsconnector.js"/>';
    expect(namesIn(xml, REGISTERED_FUNCTION)).toEqual(['CampaignRibbon.run', 'SmsForm.onLoad']);
  });

  test('surface.md names every handler the forms and ribbons use', () => {
    expect(named).toEqual(expect.arrayContaining(['SmsForm.onLoad', 'SmsRibbon.send', 'SmsRibbon.canSend', 'RecordRibbon.newSms', 'TemplateForm.onEntityChange', 'CampaignRibbon.run', 'CampaignRibbon.isEnabled', 'ConfigurationForm.onLoad', 'ConfigurationPage.init']));
  });

  test('handlers work against Xrm: the counter of the SMS form in French', async () => {
    const global = loadBundle();
    XrmMockGenerator.initialise();
    XrmMockGenerator.Attribute.createString({ name: 'smsc_text', value: 'Café 😀' }, { name: 'smsc_text', label: 'Texte' });
    const userSettings = XrmMockGenerator.context.userSettings as { languageId: number };
    userSettings.languageId = 1036;
    (Xrm.Utility as unknown as { getGlobalContext: () => unknown }).getGlobalContext = () => XrmMockGenerator.context;
    await (global.SmsForm?.onTextChange as (c: Xrm.Events.EventContext) => Promise<void>)(XrmMockGenerator.getEventContext());
    const form = XrmMockGenerator.getFormContext();
    const notifications = (form.ui as unknown as { formNotifications: Array<{ message: string }> }).formNotifications;
    expect(notifications.map((n) => n.message)).toEqual(['Texte : 6 caractères · UCS-2 · 1 SMS · 63 restants dans cette partie']);
  });

  test('CampaignRibbon.isEnabled reads the roles from Xrm', () => {
    const global = loadBundle();
    XrmMockGenerator.initialise();
    XrmMockGenerator.Attribute.createOptionSet({ name: 'smsc_status', value: 271300002, options: [] });
    const form = XrmMockGenerator.getFormContext();
    form.data.entity.getId = () => '{C1}';
    const settings = XrmMockGenerator.context.userSettings as unknown as { roles: { forEach(f: (r: Xrm.LookupValue) => void): void } };
    (Xrm.Utility as unknown as { getGlobalContext: () => unknown }).getGlobalContext = () => XrmMockGenerator.context;
    const isEnabled = global.CampaignRibbon?.isEnabled as (form: Xrm.FormContext, action: string) => boolean;
    settings.roles = { forEach: (f) => f({ id: '1', entityType: 'role', name: 'SMS User' }) };
    expect(isEnabled(form, 'send')).toBe(false);
    settings.roles = { forEach: (f) => f({ id: '2', entityType: 'role', name: 'SMS Marketer' }) };
    expect(isEnabled(form, 'send')).toBe(true);
    expect(isEnabled(form, 'prepare')).toBe(false);
  });
});

describe('configuration.html and images', () => {
  test('the page loads the bundle by its relative web resource path and starts it', () => {
    const html = readFileSync(join(outdir, 'configuration.html'), 'utf8');
    // smsc_/pages/configuration.html → smsc_/scripts/smsconnector.js
    expect(html).toContain('<script src="../scripts/smsconnector.js"></script>');
    expect(html).toContain('SmsConnector.ConfigurationPage.init()');
    expect(html).toContain('id="smsc-configuration"');
  });

  test.each(['sms16.svg', 'sms32.svg'])('%s is an SVG of its size', (name) => {
    const svg = readFileSync(join(outdir, 'images', name), 'utf8');
    const size = name.match(/\d+/)?.[0];
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.documentElement.nodeName).toBe('svg');
    expect(doc.documentElement.getAttribute('width')).toBe(size);
    expect(doc.documentElement.getAttribute('height')).toBe(size);
  });
});
