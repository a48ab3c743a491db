/**
 * A small ordered XML tree over fast-xml-parser's preserveOrder output, and a deterministic
 * serializer: the packer re-serializes every XML part so that pack → unpack → pack is byte-stable
 * whatever the formatting of the source files.
 */
import { XMLParser } from 'fast-xml-parser';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Text content of a leaf element (mixed content is not used by solution files). */
  text?: string;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  // A prefix keeps names such as `constructor` (PCF manifests) from being refused as unsafe keys.
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: true,
  htmlEntities: false,
});

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

function fromOrdered(node: Ordered): XmlElement | undefined {
  const name = Object.keys(node).find((k) => k !== ':@');
  if (!name || name === '#text' || name === '#comment') return undefined;
  const element: XmlElement = { name, attrs: {}, children: [] };
  for (const [key, value] of Object.entries(node[':@'] ?? {})) element.attrs[key.slice(2)] = value;
  const texts: string[] = [];
  for (const child of (node[name] as Ordered[]) ?? []) {
    if ('#text' in child) texts.push(String(child['#text']));
    else {
      const converted = fromOrdered(child);
      if (converted) element.children.push(converted);
    }
  }
  if (texts.length) element.text = texts.join('');
  return element;
}

/** Parses one XML document; the message names the file when it is not well-formed. */
export function parseXml(text: string, fileName: string): XmlElement {
  const source = text.replace(/^\uFEFF/, '');
  let ordered: Ordered[];
  try {
    ordered = parser.parse(source, true) as Ordered[];
  } catch (error) {
    throw new Error(`${fileName}: not well-formed XML (${(error as Error).message})`);
  }
  const roots = ordered.map(fromOrdered).filter((e): e is XmlElement => e !== undefined);
  if (roots.length !== 1) throw new Error(`${fileName}: expected one root element, found ${roots.length}`);
  return roots[0]!;
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttr(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;');
}

function write(element: XmlElement, depth: number, out: string[]): void {
  const indent = '  '.repeat(depth);
  const attrs = Object.entries(element.attrs)
    .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
    .join('');
  if (element.children.length === 0) {
    if (element.text === undefined || element.text === '') out.push(`${indent}<${element.name}${attrs} />`);
    else out.push(`${indent}<${element.name}${attrs}>${escapeText(element.text)}</${element.name}>`);
    return;
  }
  out.push(`${indent}<${element.name}${attrs}>`);
  for (const child of element.children) write(child, depth + 1, out);
  out.push(`${indent}</${element.name}>`);
}

/** Serializes with two-space indentation, `<a />` for empty elements, CRLF-free. */
export function serializeXml(root: XmlElement, options: { declaration?: boolean } = {}): string {
  const out: string[] = [];
  if (options.declaration ?? true) out.push('<?xml version="1.0" encoding="utf-8"?>');
  write(root, 0, out);
  return out.join('\n') + '\n';
}

export function el(name: string, attrs: Record<string, string | number | undefined> = {}, ...content: Array<XmlElement | string | undefined | false | XmlElement[]>): XmlElement {
  const element: XmlElement = { name, attrs: {}, children: [] };
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) element.attrs[k] = String(v);
  for (const item of content.flat()) {
    if (item === undefined || item === false) continue;
    if (typeof item === 'string') element.text = (element.text ?? '') + item;
    else element.children.push(item);
  }
  return element;
}

export function child(parent: XmlElement, name: string): XmlElement | undefined {
  return parent.children.find((c) => c.name === name);
}

export function children(parent: XmlElement, name: string): XmlElement[] {
  return parent.children.filter((c) => c.name === name);
}

export function textOf(parent: XmlElement, name: string): string | undefined {
  return child(parent, name)?.text;
}

/** Every element below `root` (depth first, root included). */
export function* walk(root: XmlElement): Generator<XmlElement> {
  yield root;
  for (const c of root.children) yield* walk(c);
}

export function deepClone(element: XmlElement): XmlElement {
  return { name: element.name, attrs: { ...element.attrs }, children: element.children.map(deepClone), ...(element.text !== undefined ? { text: element.text } : {}) };
}
