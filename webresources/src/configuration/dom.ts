/** A few DOM helpers for the configuration page (no framework: the page is small and must stay light). */
export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attributes: Record<string, string> = {},
  children: Array<Node | string> = [],
): HTMLElementTagNameMap[K] {
  const element = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) element.append(child);
  return element;
}

/** A labelled row holding one input, so that screen readers announce each field by its label. */
export function field(doc: Document, id: string, label: string, input: HTMLElement, help?: string): HTMLElement {
  input.id = id;
  const row = el(doc, 'div', { class: 'smsc-field' }, [el(doc, 'label', { for: id }, [label]), input]);
  if (help) {
    const helpId = `${id}-help`;
    input.setAttribute('aria-describedby', helpId);
    row.append(el(doc, 'p', { class: 'smsc-help', id: helpId }, [help]));
  }
  return row;
}

export function textInput(doc: Document, value: string | null, attributes: Record<string, string> = {}): HTMLInputElement {
  const input = el(doc, 'input', { type: 'text', ...attributes });
  input.value = value ?? '';
  return input;
}

export function checkbox(doc: Document, checked: boolean): HTMLInputElement {
  const input = el(doc, 'input', { type: 'checkbox' });
  input.checked = checked;
  return input;
}

export function select(doc: Document, options: Array<{ value: string; label: string }>, selected: string | null): HTMLSelectElement {
  const element = el(doc, 'select');
  for (const option of options) {
    const node = el(doc, 'option', { value: option.value }, [option.label]);
    if (option.value === selected) node.selected = true;
    element.append(node);
  }
  return element;
}

/** A live region: what it says is read out when it changes. */
export function status(doc: Document, id: string): HTMLElement {
  return el(doc, 'p', { class: 'smsc-status', id, role: 'status', 'aria-live': 'polite' });
}

export function say(element: HTMLElement, text: string, kind: 'info' | 'error' = 'info'): void {
  element.textContent = text;
  element.dataset.kind = kind;
}
