/** Functions route templates ("provider/{provider}/callback/{secret?}") matched against a path. */
export interface CompiledRoute {
  template: string;
  match(path: string): Record<string, string> | null;
}

export function compileRoute(template: string): CompiledRoute {
  const names: string[] = [];
  const pattern = template
    .replace(/^\/+|\/+$/g, '')
    .split('/')
    .map((segment) => {
      const param = /^\{(\*?)([A-Za-z_][A-Za-z0-9_]*)(?::[^}?]*)?(\?)?\}$/.exec(segment);
      if (!param) return '/' + segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(param[2] as string);
      const body = param[1] ? '(.*)' : '([^/]+)';
      return param[3] ? `(?:/${body})?` : `/${body}`;
    })
    .join('');
  const regex = new RegExp(`^${pattern}/?$`, 'i');
  return {
    template,
    match(path) {
      const m = regex.exec('/' + path.replace(/^\/+/, ''));
      if (!m) return null;
      const params: Record<string, string> = {};
      names.forEach((name, i) => {
        const value = m[i + 1];
        if (value !== undefined) params[name] = decodeURIComponent(value);
      });
      return params;
    },
  };
}
