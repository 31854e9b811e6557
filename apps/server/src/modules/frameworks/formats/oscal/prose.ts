import type { OscalParam, OscalPart, OscalProp } from './catalog-shape.js';

const INSERT = /\{\{\s*insert:\s*param,\s*([^\s}]+)\s*\}\}/g;

export const propValue = (props: OscalProp[] | undefined, name: string) =>
  props?.find((p) => p.name === name && (p.ns === undefined || p.ns.includes('nist.gov')))?.value;

/**
 * Parameters rendered the way NIST prints them: `[Assignment: organization-defined frequency]` and
 * `[Selection (one or more): a; b]`, so a description reads as the publication does instead of showing
 * `{{ insert: param, ac-2_prm_1 }}` moustaches.
 */
export function createParamRenderer(params: Map<string, OscalParam>) {
  const render = (text: string, depth = 0): string =>
    text.replace(INSERT, (_match, id: string) => {
      const param = params.get(id);
      if (!param || depth > 5) return `[Assignment: ${id}]`;
      if (param.select) {
        const many = param.select['how-many'] === 'one-or-more' ? ' (one or more)' : '';
        const choices = (param.select.choice ?? []).map((c) => render(c, depth + 1)).join('; ');
        return `[Selection${many}: ${choices}]`;
      }
      return `[Assignment: ${param.label ? render(param.label, depth + 1) : id}]`;
    });
  return render;
}

/**
 * A statement (or objective) part as plain text: its prose, then each nested item on its own line with its label
 * ("a.", "1.") and two spaces of indentation per level.
 */
export function flattenPart(part: OscalPart, render: (text: string) => string, depth = 0): string {
  const lines: string[] = [];
  const label = propValue(part.props, 'label');
  const prose = part.prose ? render(part.prose).trim() : '';
  const own = [label, prose].filter(Boolean).join(' ');
  if (own) lines.push(`${'  '.repeat(Math.max(0, depth - 1))}${own}`);
  for (const child of part.parts ?? []) {
    const text = flattenPart(child, render, depth + 1);
    if (text) lines.push(text);
  }
  return lines.join('\n');
}

/** All params of a control and its ancestors (an enhancement's prose may insert its parent's parameters). */
export function paramIndex(chain: { params?: OscalParam[] }[]): Map<string, OscalParam> {
  const index = new Map<string, OscalParam>();
  for (const control of chain) for (const param of control.params ?? []) index.set(param.id, param);
  return index;
}
