/**
 * Validation against Microsoft's customization XSDs (shared/reference/schemas) with libxml2
 * compiled to WebAssembly (xmllint-wasm). The schemas were written for .NET's engine; the copy
 * given to libxml2 is patched in memory exactly as shared/reference/schemas/README.md describes,
 * plus the one ordering correction that real exports show (reference §10.2: SdkMessageId first).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML, type XMLValidationError } from 'xmllint-wasm';

export type SchemaRoot = 'CustomizationsSolution.xsd' | 'FormXml.xsd' | 'RibbonCore.xsd' | 'SiteMap.xsd' | 'Fetch.xsd';

/** Returns the schema files with the libxml2 patches applied. */
export function patchedSchemas(schemaDir: string): Array<{ fileName: string; contents: string }> {
  return readdirSync(schemaDir)
    .filter((f) => f.endsWith('.xsd'))
    .map((fileName) => {
      let text = readFileSync(join(schemaDir, fileName), 'utf8').replace(/\r\n/g, '\n');
      // 1. Regexes .NET accepts and XSD does not: the `\$` escape and a look-ahead.
      text = text.replace('(\\$webresource:|/)(.)+', '($webresource:|/).+').replace('(?![cC][rR][mM]_)', '');
      // 2. XSD patterns are implicitly anchored: `^` and `$` would be literals.
      text = text.replace(/(<xs:pattern value\s*=\s*")\^([^"]*)\$"/g, '$1$2"');
      // 3. Exported steps write SdkMessageId before PluginTypeName.
      if (fileName === 'CustomizationsSolution.xsd') {
        const sdkMessageId = '\t\t\t<xs:element name="SdkMessageId" type="GuidType" minOccurs="0" maxOccurs="1" />\n';
        const start = text.indexOf('<xs:complexType name="sdkmessageprocessingsteptype">');
        const at = text.indexOf(sdkMessageId, start);
        if (start < 0 || at < 0) throw new Error(`${fileName}: the step type to patch was not found`);
        text = text.slice(0, at) + text.slice(at + sdkMessageId.length);
        const sequence = text.indexOf('<xs:sequence>', start) + '<xs:sequence>\n'.length;
        text = text.slice(0, sequence) + sdkMessageId + text.slice(sequence);
      }
      return { fileName, contents: text };
    });
}

export interface XsdResult {
  valid: boolean;
  errors: string[];
}

/** Validates one XML document against one of the schema roots. */
export async function validateAgainst(xml: string, fileName: string, schema: SchemaRoot, schemas: Array<{ fileName: string; contents: string }>): Promise<XsdResult> {
  const main = schemas.find((s) => s.fileName === schema);
  if (!main) throw new Error(`validateAgainst: no schema ${schema}`);
  const result = await validateXML({
    xml: [{ fileName, contents: xml }],
    schema: [main],
    preload: schemas.filter((s) => s !== main),
    maxMemoryPages: 4096,
  });
  return { valid: result.valid, errors: result.errors.map((e: XMLValidationError) => e.rawMessage) };
}
