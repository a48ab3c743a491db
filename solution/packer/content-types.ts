/** [Content_Types].xml (OPC): one Default per file extension, one Override per extension-less file (reference §1.1). */
export function contentTypesXml(paths: string[]): string {
  const extensions = new Set<string>();
  const overrides: string[] = [];
  for (const path of paths) {
    const name = path.split('/').pop()!;
    const dot = name.lastIndexOf('.');
    if (dot > 0) extensions.add(name.slice(dot + 1).toLowerCase());
    else overrides.push(path);
  }
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
    ...[...extensions].sort().map((e) => `<Default Extension="${e}" ContentType="application/octet-stream" />`),
    ...overrides.sort().map((p) => `<Override PartName="/${p.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" ContentType="application/octet-stream" />`),
    '</Types>',
  ];
  return lines.join('');
}
