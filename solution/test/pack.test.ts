/**
 * The three solutions packed from the repository source (with small stand-ins for the web resource
 * and PCF build outputs): zip layout, schemas, consistency checks, round trip, determinism, errors.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { CampaignSmsStatus, DeliveryStatus, OptOutSource, RecipientType, SmsDirection, SmsProvider, SmsType, TemplateStatus } from '@smsc/core';
import { packAll, zipName } from '../packer/build';
import { MissingBuildOutputError } from '../packer/build-outputs';
import { checkSolutions, formatIssues } from '../packer/checks';
import { readPackage } from '../packer/checks/package';
import { referencedTables } from '../packer/checks/references';
import { injectBuildOutputs } from '../packer/build-outputs';
import { patchedSchemas, validateAgainst, type SchemaRoot } from '../packer/checks/xsd';
import { readTree, utf8 } from '../packer/files';
import { generateAll } from '../packer/generate';
import { stableId } from '../packer/ids';
import { packSolution, zipSolution } from '../packer/pack';
import { sourceDirOf } from '../packer/paths';
import { unpackSolution } from '../packer/unpack';
import { solutionVersion } from '../packer/version';
import { children, parseXml, serializeXml, textOf, walk, type XmlElement } from '../packer/xml/tree';
import { readZip } from '../packer/zip';
import { entriesOf, FIXTURE_BUILD_ROOT, packAllWith, SCHEMA_DIR, SOLUTION_NAMES } from './support';

const unmanaged = packAllWith(FIXTURE_BUILD_ROOT, false);
const managed = packAllWith(FIXTURE_BUILD_ROOT, true);
const schemas = patchedSchemas(SCHEMA_DIR);
const customizationsOf = (i: number) => parseXml(utf8(entriesOf(unmanaged[i]!).get('customizations.xml')!), 'customizations.xml');

describe('zip layout', () => {
  it.each(SOLUTION_NAMES.map((n, i) => [n, i] as const))('%s has the three root files, forward slashes and no directory entries', (_name, i) => {
    const zip = unzipSync(zipSolution(unmanaged[i]!));
    const paths = Object.keys(zip);
    expect(paths).toEqual(expect.arrayContaining(['[Content_Types].xml', 'solution.xml', 'customizations.xml']));
    expect(paths.every((p) => !p.endsWith('/') && !p.includes('\\'))).toBe(true);
    const contentTypes = utf8(zip['[Content_Types].xml']!);
    for (const p of paths) {
      const name = p.split('/').pop()!;
      if (name.includes('.')) expect(contentTypes).toContain(`<Default Extension="${name.slice(name.lastIndexOf('.') + 1).toLowerCase()}"`);
      else expect(contentTypes).toContain(`<Override PartName="/${p}"`);
    }
  });

  it('carries the web resources, processes, controls, Custom APIs and environment variable in the folders Dataverse reads', () => {
    const core = [...entriesOf(unmanaged[0]!).keys()];
    expect(core).toEqual(expect.arrayContaining([
      'Controls/smsc_SmsConnector.SmsComposer/ControlManifest.xml',
      'Controls/smsc_SmsConnector.SmsComposer/bundle.js',
      'Controls/smsc_SmsConnector.PhoneNumber/ControlManifest.xml',
      'customapis/smsc_SendSmsToRecipient/customapi.xml',
      'customapis/smsc_SendSmsToRecipient/customapirequestparameters/Contact/customapirequestparameter.xml',
      'customapis/smsc_SendSms/customapi.xml',
      'customapis/smsc_CheckCredit/customapi.xml',
      'environmentvariabledefinitions/smsc_BackendUrl/environmentvariabledefinition.xml',
    ]));
    expect(core.filter((p) => p.startsWith('WebResources/'))).toHaveLength(4);
    expect(core.filter((p) => p.startsWith('Workflows/'))).toHaveLength(2);
    const sales = [...entriesOf(unmanaged[1]!).keys()];
    expect(sales.filter((p) => /^customapis\/[^/]+\/customapi\.xml$/.test(p)).sort()).toEqual(
      ['smsc_CancelCampaign', 'smsc_PrepareCampaign', 'smsc_RefreshCampaignStatus', 'smsc_SendCampaign', 'smsc_SimulateCampaign'].map((n) => `customapis/${n}/customapi.xml`),
    );
    expect(sales.filter((p) => p.endsWith('.xaml'))).toHaveLength(4);
    expect([...entriesOf(unmanaged[2]!).keys()].filter((p) => p.endsWith('.xaml'))).toHaveLength(2);
  });

  it('stamps the managed flag and the one version of solution/package.json', () => {
    for (const [list, flag] of [[unmanaged, '0'], [managed, '1']] as const) {
      for (const packed of list) {
        const manifest = parseXml(utf8(entriesOf(packed).get('solution.xml')!), 'solution.xml');
        const solutionManifest = manifest.children[0]!;
        expect(textOf(solutionManifest, 'Managed')).toBe(flag);
        expect(textOf(solutionManifest, 'Version')).toBe(solutionVersion());
      }
    }
    const sales = utf8(entriesOf(unmanaged[1]!).get('solution.xml')!);
    expect(sales).toContain(`solution="SmsConnector (${solutionVersion()})"`);
  });
});

describe('Microsoft schemas', () => {
  it.each(SOLUTION_NAMES.map((n, i) => [n, i] as const))('%s customizations.xml validates against CustomizationsSolution.xsd', async (_name, i) => {
    const result = await validateAgainst(utf8(entriesOf(unmanaged[i]!).get('customizations.xml')!), 'customizations.xml', 'CustomizationsSolution.xsd', schemas);
    expect(result.errors).toEqual([]);
  });

  it('every form, ribbon, site map and FetchXML fragment validates against its own schema', async () => {
    const fragments: Array<{ schema: SchemaRoot; name: string; element: XmlElement }> = [];
    unmanaged.forEach((_p, i) => {
      for (const element of walk(customizationsOf(i))) {
        if (element.name === 'form') fragments.push({ schema: 'FormXml.xsd', name: `form ${i}`, element });
        if (element.name === 'RibbonDiffXml' && element.children.length) fragments.push({ schema: 'RibbonCore.xsd', name: `ribbon ${i}`, element });
        if (element.name === 'SiteMap') fragments.push({ schema: 'SiteMap.xsd', name: `sitemap ${i}`, element });
        if (element.name === 'fetch') fragments.push({ schema: 'Fetch.xsd', name: `fetch ${i}`, element });
      }
    });
    expect(new Set(fragments.map((f) => f.schema))).toEqual(new Set(['FormXml.xsd', 'RibbonCore.xsd', 'SiteMap.xsd', 'Fetch.xsd']));
    for (const fragment of fragments) {
      const result = await validateAgainst(serializeXml(fragment.element), `${fragment.name}.xml`, fragment.schema, schemas);
      expect({ fragment: fragment.name, errors: result.errors }).toEqual({ fragment: fragment.name, errors: [] });
    }
  });

  it('rejects a customizations.xml with an element out of place (the validation is real)', async () => {
    const broken = utf8(entriesOf(unmanaged[0]!).get('customizations.xml')!).replace('<Roles>', '<Bogus />\n<Roles>');
    const result = await validateAgainst(broken, 'customizations.xml', 'CustomizationsSolution.xsd', schemas);
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(/Bogus/);
  });
});

describe('consistency checks on the packed solutions', () => {
  it('finds no problem in the three solutions', () => {
    expect(formatIssues(checkSolutions(managed.map(entriesOf)))).toBe('');
  });

  it('finds the problem when a form names a function the bundle does not define', () => {
    // Built from parts: the web resources' tests read every dotted SmsConnector handler name written in this folder as one the bundle must provide.
    const typo = ['SmsConnector', 'SmsForm', 'onLaod'].join('.');
    const withTypo = new Map(entriesOf(unmanaged[0]!));
    withTypo.set('customizations.xml', Buffer.from(utf8(withTypo.get('customizations.xml')!).replace('SmsConnector.SmsForm.onLoad', typo)));
    expect(formatIssues(checkSolutions([withTypo, entriesOf(unmanaged[1]!), entriesOf(unmanaged[2]!)]))).toContain(`calls ${typo}, which the bundle does not define as a function`);
  });

  it('core references no table that only Sales or Customer Service brings', () => {
    const salesOrService = ['lead', 'campaign', 'list', 'salesorder', 'quote', 'invoice', 'incident'];
    const touched = referencedTables(readPackage(entriesOf(unmanaged[0]!))).map((r) => r.table);
    expect(touched).toEqual(expect.arrayContaining(['smsc_sms', 'contact', 'account']));
    expect(touched.filter((t) => salesOrService.includes(t))).toEqual([]);
  });
});

describe('the product contract in the XML', () => {
  it('carries the option values of @smsc/core in every global choice', () => {
    const contract: Record<string, Record<string, number>> = {
      smsc_smstype: SmsType, smsc_smsdirection: SmsDirection, smsc_deliverystatus: DeliveryStatus, smsc_templatestatus: TemplateStatus,
      smsc_smsprovider: SmsProvider, smsc_optoutsource: OptOutSource, smsc_recipienttype: RecipientType, smsc_campaignsmsstatus: CampaignSmsStatus,
    };
    const found: Record<string, number[]> = {};
    unmanaged.forEach((_p, i) => {
      for (const optionSet of children(customizationsOf(i).children.find((c) => c.name === 'optionsets')!, 'optionset')) {
        found[optionSet.attrs.Name!] = [...walk(optionSet)].filter((e) => e.name === 'option').map((e) => Number(e.attrs.value));
      }
    });
    expect(Object.keys(found).sort()).toEqual(Object.keys(contract).sort());
    for (const [name, values] of Object.entries(contract)) expect(found[name]).toEqual(Object.values(values));
  });

  it('queues the prebuilt processes’ SMS with the Queued option value and leaves the processes in Draft', () => {
    unmanaged.forEach((packed, i) => {
      for (const workflow of [...walk(customizationsOf(i))].filter((e) => e.name === 'Workflow')) {
        expect([textOf(workflow, 'StateCode'), textOf(workflow, 'StatusCode'), textOf(workflow, 'Category'), textOf(workflow, 'Mode')]).toEqual(['0', '1', '0', '0']);
        const xaml = utf8(entriesOf(packed).get(textOf(workflow, 'XamlFileName')!.slice(1))!);
        expect(xaml).toContain(`WorkflowPropertyType.OptionSetValue, "${DeliveryStatus.Queued}", "Picklist"`);
        expect(xaml).toContain('<mxswa:CreateEntity');
        expect(() => parseXml(xaml, 'xaml')).not.toThrow();
      }
    });
  });

  it('derives the ids of named components from their names', () => {
    const core = utf8(entriesOf(unmanaged[0]!).get('solution.xml')!);
    for (const role of ['SMS User', 'SMS Marketer', 'SMS Administrator']) expect(core).toContain(`id="{${stableId('role', role)}}"`);
    expect(core).toContain(`id="{${stableId('serviceendpoint', 'smsc_SmsConnectorBackend')}}"`);
    expect(core).toContain(`id="{${stableId('step', 'smsc_SmsConnectorBackend: Create of smsc_sms')}}"`);
  });
});

describe('pack, unpack, pack', () => {
  it.each(SOLUTION_NAMES.map((n, i) => [n, i] as const))('%s: unpacking and packing again gives the same zip', (_name, i) => {
    for (const [list, isManaged] of [[unmanaged, false], [managed, true]] as const) {
      const zip = zipSolution(list[i]!);
      const source = unpackSolution(readZip(zip));
      expect(source.has('Other/Solution.xml')).toBe(true);
      expect(source.has('Other/Customizations.xml')).toBe(true);
      expect(Buffer.compare(Buffer.from(zipSolution(packSolution(source, { managed: isManaged }))), Buffer.from(zip))).toBe(0);
    }
  });

  it('writes the same bytes on every build', () => {
    expect(Buffer.compare(Buffer.from(zipSolution(packAllWith(FIXTURE_BUILD_ROOT, true)[0]!)), Buffer.from(zipSolution(managed[0]!)))).toBe(0);
  });

  it('writes the six zips under their names', () => {
    const out = mkdtempSync(join(tmpdir(), 'smsc-pack-'));
    try {
      const written = packAll(out, FIXTURE_BUILD_ROOT).map((p) => p.slice(out.length + 1)).sort();
      expect(written).toEqual(SOLUTION_NAMES.flatMap((n) => [zipName(n, false), zipName(n, true)]).sort());
      expect(readFileSync(join(out, 'SmsConnector_managed.zip')).subarray(0, 2).toString()).toBe('PK');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('errors that name the file and the element', () => {
  it('names the missing build output', () => {
    const root = mkdtempSync(join(tmpdir(), 'smsc-build-'));
    try {
      cpSync(FIXTURE_BUILD_ROOT, root, { recursive: true });
      rmSync(join(root, 'pcf-controls', 'PhoneNumber', 'out', 'controls', 'PhoneNumber', 'bundle.js'));
      expect(() => packAllWith(root, false)).toThrow(MissingBuildOutputError);
      expect(() => packAllWith(root, false)).toThrow('Missing build output pcf-controls/PhoneNumber/out/controls/PhoneNumber/bundle.js (needed for Controls/smsc_SmsConnector.PhoneNumber)');
      rmSync(join(root, 'webresources', 'dist', 'smsconnector.js'));
      expect(() => packAllWith(root, false)).toThrow('Missing build output webresources/dist/smsconnector.js');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('names the file and element of an inconsistent source', () => {
    const bare = readTree(sourceDirOf('SmsConnector'));
    expect(() => packSolution(bare, { managed: false })).toThrow('WebResources/smsc_/images/sms16.svg.data.xml: <FileName>: the file WebResources/smsc_/images/sms16.svg is missing');
    const source = injectBuildOutputs(bare, 'SmsConnector', FIXTURE_BUILD_ROOT);
    const withoutSection = new Map(source);
    withoutSection.set('Other/Customizations.xml', Buffer.from(utf8(source.get('Other/Customizations.xml')!).replace('<Roles />', '')));
    expect(() => packSolution(withoutSection, { managed: false })).toThrow('Other/Customizations.xml: <Roles>: missing, but the source has 3 Role item(s) for it');
    const badVersion = new Map(source);
    badVersion.set('Other/Solution.xml', Buffer.from(utf8(source.get('Other/Solution.xml')!).replace('<Version>1.0.0.0</Version>', '<Version>one</Version>')));
    expect(() => packSolution(badVersion, { managed: false })).toThrow('Other/Solution.xml: <Version>: "one" is not a version such as 1.0.0.0');
  });
});

describe('generated sources', () => {
  it('are the ones committed: regenerate with `npm run pack` after changing solution/definitions', () => {
    const stale: string[] = [];
    for (const [solution, files] of generateAll()) {
      const committed = readTree(sourceDirOf(solution));
      for (const [path, content] of files) if (committed.has(path) ? utf8(committed.get(path)!) !== content : true) stale.push(`${solution}/src/${path}`);
    }
    expect(stale).toEqual([]);
  });

  it('keep the source Solution.xml versions equal to the one version', () => {
    for (const name of SOLUTION_NAMES) expect(readFileSync(join(sourceDirOf(name), 'Other', 'Solution.xml'), 'utf8')).toContain(`<Version>${solutionVersion()}</Version>`);
  });
});
