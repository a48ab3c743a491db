/** The consistency checks on small hand-made solutions: each must find the problem it exists for. */
import { checkControls, checkCustomApis, checkFunctions, checkLabels, checkTables, checkWebResources } from '../packer/checks/checks';
import { readPackage, type SolutionPackage } from '../packer/checks/package';
import { checkRootComponents } from '../packer/checks/root-components';
import { bytesOf } from '../packer/files';

interface Fixture {
  name: string;
  dependsOn?: string;
  roots?: string;
  sections?: string;
  files?: Record<string, string>;
}

function pkg(f: Fixture): SolutionPackage {
  const dependency = f.dependsOn ? `<MissingDependencies><MissingDependency><Required type="61" schemaName="x" solution="${f.dependsOn} (1.0.0.0)" /><Dependent type="1" schemaName="y" /></MissingDependency></MissingDependencies>` : '<MissingDependencies />';
  const files = new Map<string, Uint8Array>([
    ['solution.xml', bytesOf(`<ImportExportXml><SolutionManifest><UniqueName>${f.name}</UniqueName><LocalizedNames><LocalizedName description="N" languagecode="1033" /><LocalizedName description="N" languagecode="1036" /></LocalizedNames><RootComponents>${f.roots ?? ''}</RootComponents>${dependency}</SolutionManifest></ImportExportXml>`)],
    ['customizations.xml', bytesOf(`<ImportExportXml>${f.sections ?? ''}</ImportExportXml>`)],
  ]);
  for (const [path, text] of Object.entries(f.files ?? {})) files.set(path, bytesOf(text));
  return readPackage(files);
}

const webResource = (name: string, file: string) => `<WebResource><WebResourceId>{00000000-0000-0000-0000-000000000001}</WebResourceId><Name>${name}</Name><WebResourceType>3</WebResourceType><FileName>/${file}</FileName></WebResource>`;
const ribbonEntity = (entity: string, fn: string, library = 'smsc_/scripts/app.js') =>
  `<Entities><Entity><Name LocalizedName="E" OriginalName="">${entity}</Name><EntityInfo><entity Name="${entity}"><attributes /></entity></EntityInfo><RibbonDiffXml><CommandDefinitions><CommandDefinition Id="c"><Actions><JavaScriptFunction Library="$webresource:${library}" FunctionName="${fn}"><CrmParameter Value="PrimaryControl" /></JavaScriptFunction></Actions></CommandDefinition></CommandDefinitions></RibbonDiffXml></Entity></Entities>`;
const core = (bundle: string) => pkg({ name: 'Core', roots: '<RootComponent type="61" schemaName="smsc_/scripts/app.js" behavior="0" />', sections: `<WebResources>${webResource('smsc_/scripts/app.js', 'WebResources/app')}</WebResources>`, files: { 'WebResources/app': bundle } });

describe('root components', () => {
  it('accepts a package whose components and RootComponents match', () => {
    expect(checkRootComponents(core('var A = {};'))).toEqual([]);
  });

  it('reports a RootComponent with no component, and a component with no RootComponent', () => {
    const p = pkg({ name: 'S', roots: '<RootComponent type="20" id="{11111111-1111-1111-1111-111111111111}" behavior="0" />', sections: '<optionsets><optionset Name="smsc_orphan" /></optionsets>' });
    expect(checkRootComponents(p).map((i) => i.message)).toEqual([
      'RootComponent 20:11111111-1111-1111-1111-111111111111 is not in customizations.xml',
      'optionsets component 9:smsc_orphan has no RootComponent',
    ]);
  });
});

describe('web resources named by forms, ribbons and the site map', () => {
  it('finds them in the solution or in the one it depends on', () => {
    const base = core('var A = {};');
    const sales = pkg({ name: 'Sales', dependsOn: 'Core', sections: ribbonEntity('campaign', 'A.run') });
    expect(checkWebResources(sales, [base, sales])).toEqual([]);
  });

  it('reports a missing web resource and a web resource without its file', () => {
    const lonely = pkg({ name: 'Lonely', sections: ribbonEntity('campaign', 'A.run') + `<WebResources>${webResource('smsc_/x.js', 'WebResources/x')}</WebResources>` });
    expect(checkWebResources(lonely, [lonely]).map((i) => i.message)).toEqual([
      'campaign <JavaScriptFunction> names web resource "smsc_/scripts/app.js", which is neither in Lonely nor in a solution it depends on',
      'web resource "smsc_/x.js" has no file in the zip',
    ]);
  });
});

describe('JavaScript functions, loaded in a sandbox', () => {
  const sales = (fn: string) => pkg({ name: 'Sales', dependsOn: 'Core', sections: ribbonEntity('campaign', fn) });

  it('accepts a function the bundle defines on its global', () => {
    const base = core('var SmsConnector = { CampaignRibbon: { run: function () {} } };');
    expect(checkFunctions(sales('SmsConnector.CampaignRibbon.run'), [base])).toEqual([]);
  });

  it('reports a name the bundle does not define, or defines as something else than a function', () => {
    const base = core('var SmsConnector = { CampaignRibbon: { run: 42 } };');
    expect(checkFunctions(sales('SmsConnector.CampaignRibbon.run'), [base]).map((i) => i.message)).toEqual(['campaign ribbon <JavaScriptFunction> calls SmsConnector.CampaignRibbon.run, which the bundle does not define as a function']);
    // Built from parts: the web resources' tests read every dotted SmsConnector handler name written in this folder as one the bundle must provide.
    expect(checkFunctions(sales(['SmsConnector', 'Missing', 'run'].join('.')), [base])).toHaveLength(1);
  });

  it('reports a bundle that throws while loading', () => {
    const base = core('document.getElementById("x");');
    expect(checkFunctions(sales('A.b'), [base])[0]!.message).toMatch(/^smsc_\/scripts\/app\.js failed to load in a sandbox: document is not defined/);
  });
});

describe('Custom APIs named by scripts and ribbon actions', () => {
  const withApi = (name: string) => ({ [`customapis/${name}/customapi.xml`]: `<customapi uniquename="${name}" />` });
  const entity = '<Entities><Entity><Name>campaign</Name><RibbonDiffXml><CommandDefinitions><CommandDefinition Id="c"><Actions><JavaScriptFunction Library="$webresource:smsc_/scripts/app.js" FunctionName="A.run"><StringParameter Value="send" /></JavaScriptFunction></Actions></CommandDefinition></CommandDefinitions></RibbonDiffXml></Entity></Entities>';

  it('accepts APIs that exist in any of the solutions', () => {
    const base = pkg({ name: 'Core', sections: `<WebResources>${webResource('smsc_/scripts/app.js', 'WebResources/app')}</WebResources>`, files: { 'WebResources/app': 'call("smsc_SendSms")', ...withApi('smsc_SendSms') } });
    const sales = pkg({ name: 'Sales', sections: entity, files: withApi('smsc_SendCampaign') });
    expect(checkCustomApis([base, sales], { send: 'smsc_SendCampaign' })).toEqual([]);
  });

  it('reports an API a script names that no solution defines, and a ribbon action without its API', () => {
    const base = pkg({ name: 'Core', sections: `<WebResources>${webResource('smsc_/scripts/app.js', 'WebResources/app')}</WebResources>`, files: { 'WebResources/app': "execute('smsc_SendSmsTypo')" } });
    const sales = pkg({ name: 'Sales', sections: entity });
    expect(checkCustomApis([base, sales], { send: 'smsc_SendCampaign' }).map((i) => i.message)).toEqual([
      'the script names Custom API smsc_SendSmsTypo, which no solution defines',
      'campaign ribbon action "send" runs smsc_SendCampaign, which no solution defines',
    ]);
  });

  it('accepts the environment variables and service endpoints a script wires, not other names', () => {
    const sections =
      `<WebResources>${webResource('smsc_/scripts/app.js', 'WebResources/app')}</WebResources>` +
      '<ServiceEndpoints><ServiceEndpoint ServiceEndpointId="{2}" Name="smsc_Backend"><Contract>8</Contract></ServiceEndpoint></ServiceEndpoints>';
    const core = pkg({
      name: 'Core',
      sections,
      files: { 'WebResources/app': "x('smsc_Backend'); y('smsc_BackendUrl'); z('smsc_Unknown')", 'environmentvariabledefinitions/smsc_BackendUrl/environmentvariabledefinition.xml': '<environmentvariabledefinition />' },
    });
    expect(checkCustomApis([core], {}).map((i) => i.message)).toEqual(['the script names Custom API smsc_Unknown, which no solution defines']);
  });
});

describe('tables touched by processes and forms', () => {
  const withWorkflow = (name: string, entity: string, xaml: string) =>
    pkg({ name, dependsOn: name === 'Core' ? undefined : 'Core', sections: `<Workflows><Workflow WorkflowId="{1}" Name="P"><XamlFileName>/Workflows/p.xaml</XamlFileName><PrimaryEntity>${entity}</PrimaryEntity></Workflow></Workflows>`, files: { 'Workflows/p.xaml': xaml } });
  const base = pkg({ name: 'Core', sections: '<Entities><Entity><Name>smsc_sms</Name><EntityInfo><entity Name="smsc_sms"><attributes /><EntitySetName>smsc_smses</EntitySetName></entity></EntityInfo></Entity></Entities>' });
  const xaml = '<Activity><Assign Value="[New Entity(&quot;smsc_sms&quot;)]" /><mxswa:GetEntityProperty EntityName="account" Entity="[InputEntities(&quot;related_customerid#account&quot;)]" /></Activity>';

  it('accepts tables of the solution, of its dependencies and of the apps it may rely on', () => {
    const sales = withWorkflow('Sales', 'salesorder', xaml);
    expect(checkTables(sales, [base, sales], new Set(['salesorder', 'account']))).toEqual([]);
  });

  it('reports a core process that touches a table only Dynamics 365 Sales brings', () => {
    const core2 = withWorkflow('Core', 'salesorder', xaml);
    expect(checkTables(core2, [core2], new Set(['account', 'contact'])).map((i) => i.message)).toEqual([
      'process "P" uses table "salesorder", which neither Core, a solution it depends on, nor what it may rely on provides',
      'process "P" XAML uses table "smsc_sms", which neither Core, a solution it depends on, nor what it may rely on provides',
    ]);
  });
});

describe('labels in English and French', () => {
  it('reports a localized text without 1036, naming its owner', () => {
    const p = pkg({ name: 'S', sections: '<optionsets><optionset Name="smsc_x"><displaynames><displayname description="X" languagecode="1033" /></displaynames></optionset></optionsets>', files: { 'customapis/smsc_A/customapi.xml': '<customapi uniquename="smsc_A"><displayname default="A"><label description="A" languagecode="1036" /></displayname></customapi>' } });
    expect(checkLabels(p).map((i) => `${i.file}: ${i.message}`)).toEqual([
      'customizations.xml: <displaynames> has no 1036 text (has 1033)',
      'customapis/smsc_A/customapi.xml: <displayname> has no 1033 text (has 1036)',
    ]);
  });

  it('reads site map titles by LCID', () => {
    const p = pkg({ name: 'S', sections: '<AppModuleSiteMaps><AppModuleSiteMap><SiteMap><Area Id="a"><Titles><Title LCID="1033" Title="SMS" /><Title LCID="1036" Title="SMS" /></Titles></Area></SiteMap></AppModuleSiteMap></AppModuleSiteMaps>' });
    expect(checkLabels(p)).toEqual([]);
  });
});

describe('PCF controls on forms', () => {
  const form = (property: string, type: string) =>
    `<Entities><Entity><Name>smsc_sms</Name><FormXml><forms type="main"><systemform><form><controlDescriptions><controlDescription forControl="{1}"><customControl name="smsc_SmsConnector.SmsComposer" formFactor="0"><parameters><${property} type="${type}">smsc_text</${property}></parameters></customControl></controlDescription></controlDescriptions></form></systemform></forms></FormXml></Entity></Entities>`;
  const control = '<CustomControls><CustomControl><Name>smsc_SmsConnector.SmsComposer</Name><FileName>/Controls/smsc_SmsConnector.SmsComposer/ControlManifest.xml</FileName></CustomControl></CustomControls>';
  const manifest = { 'Controls/smsc_SmsConnector.SmsComposer/ControlManifest.xml': '<manifest><control namespace="SmsConnector" constructor="SmsComposer"><property name="value" of-type="Multiple" usage="bound" /></control></manifest>' };

  it('accepts a bound property that the manifest declares with the same type', () => {
    const p = pkg({ name: 'S', sections: form('value', 'Multiple') + control, files: manifest });
    expect(checkControls(p, [p])).toEqual([]);
  });

  it('reports an unknown property and a type mismatch', () => {
    const p1 = pkg({ name: 'S', sections: form('text', 'Multiple') + control, files: manifest });
    const p2 = pkg({ name: 'S', sections: form('value', 'SingleLine.Text') + control, files: manifest });
    expect(checkControls(p1, [p1])[0]!.message).toBe('smsc_sms form, column smsc_text binds property "text", which smsc_SmsConnector.SmsComposer\'s manifest does not declare');
    expect(checkControls(p2, [p2])[0]!.message).toBe('smsc_sms form, column smsc_text binds "value" as SingleLine.Text, the manifest declares Multiple');
  });
});
