/** Matches request paths against Azure Functions route templates (`boards/{employeeId}`). */

export interface CompiledRoute<T> {
  value: T;
  pattern: RegExp;
  names: string[];
}

export function compileRoute<T>(template: string, value: T): CompiledRoute<T> {
  const names: string[] = [];
  const source = template
    .split('/')
    .map((segment) => {
      const param = /^\{(\*?)([A-Za-z_][A-Za-z0-9_]*)(?::[^}]*)?\??\}$/.exec(segment);
      if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(param[2]);
      return param[1] ? '(.+)' : '([^/]+)';
    })
    .join('/');
  return { value, pattern: new RegExp(`^${source}/?$`, 'i'), names };
}

export function matchRoute<T>(
  routes: CompiledRoute<T>[],
  path: string,
): { route: CompiledRoute<T>; params: Record<string, string> }[] {
  const matches: { route: CompiledRoute<T>; params: Record<string, string> }[] = [];
  for (const route of routes) {
    const m = route.pattern.exec(path);
    if (!m) continue;
    const params: Record<string, string> = {};
    route.names.forEach((name, i) => {
      params[name] = safeDecode(m[i + 1]);
    });
    matches.push({ route, params });
  }
  return matches;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
