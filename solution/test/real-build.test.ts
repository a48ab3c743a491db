/**
 * The solutions packed with the real build outputs of webresources/ and pcf-controls/ (which
 * `npm test` builds first): every function a form or ribbon names exists in the real bundle,
 * loaded in a sandbox; every web resource exists; every PCF binding matches the real manifests.
 */
import { checkSolutions, formatIssues } from '../packer/checks';
import { REPOSITORY_ROOT } from '../packer/paths';
import { entriesOf, packAllWith } from './support';

describe('solutions packed with the real build outputs', () => {
  const packed = packAllWith(REPOSITORY_ROOT, true);

  it('pass every consistency check', () => {
    expect(formatIssues(checkSolutions(packed.map(entriesOf)))).toBe('');
  });

  it('carry the real bundle, page, icons and both PCF controls', () => {
    const core = entriesOf(packed[0]!);
    const bundle = [...core].find(([path]) => path.startsWith('WebResources/smsc_scriptssmsconnectorjs'));
    expect(Buffer.from(bundle![1]).toString('utf8')).toContain('SmsConnector');
    for (const control of ['SmsComposer', 'PhoneNumber']) {
      expect(core.has(`Controls/smsc_SmsConnector.${control}/ControlManifest.xml`)).toBe(true);
      expect(core.has(`Controls/smsc_SmsConnector.${control}/bundle.js`)).toBe(true);
    }
  });
});
