import { stableId, uuidV5 } from '../packer/ids';
import { el, parseXml, serializeXml } from '../packer/xml/tree';

describe('XML tree', () => {
  it('round-trips attributes, text and escapes, with `<a />` for empty elements', () => {
    const text = '<?xml version="1.0"?><a x="1 &amp; 2" y="&quot;q&quot;"><b>t &lt; u</b><c/><d constructor="Ctor"></d></a>';
    const root = parseXml(text, 'test.xml');
    expect(root.attrs).toEqual({ x: '1 & 2', y: '"q"' });
    expect(root.children.map((c) => c.name)).toEqual(['b', 'c', 'd']);
    expect(root.children[2]!.attrs.constructor).toBe('Ctor');
    expect(serializeXml(root)).toBe('<?xml version="1.0" encoding="utf-8"?>\n<a x="1 &amp; 2" y="&quot;q&quot;">\n  <b>t &lt; u</b>\n  <c />\n  <d constructor="Ctor" />\n</a>\n');
    expect(serializeXml(parseXml(serializeXml(root), 'again.xml'))).toBe(serializeXml(root));
  });

  it('ignores a byte order mark and names the file of a broken document', () => {
    expect(parseXml('\uFEFF<r/>', 'bom.xml').name).toBe('r');
    expect(() => parseXml('<r><x></r>', 'Entities/smsc_sms/Entity.xml')).toThrow(/^Entities\/smsc_sms\/Entity\.xml: not well-formed XML/);
  });

  it('builds elements, skipping undefined attributes and false children', () => {
    expect(serializeXml(el('a', { k: 'v', skip: undefined }, el('b', {}, 'x'), false, undefined), { declaration: false })).toBe('<a k="v">\n  <b>x</b>\n</a>\n');
  });
});

describe('stable ids', () => {
  it('implements UUID version 5 (RFC 4122 example: www.example.com in the DNS namespace)', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('derives the same id from the same name, and different ids from different names', () => {
    expect(stableId('role', 'SMS User')).toBe(stableId('role', 'SMS User'));
    expect(stableId('role', 'SMS User')).not.toBe(stableId('role', 'SMS Marketer'));
    expect(stableId('role', 'SMS User')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
