import { useEffect, useRef } from 'react';

/**
 * Shows a rendered email (already sanitized and CSS-inlined by the server) in a shadow root, so the app's styles do
 * not reach it. The page's CSP refuses inline style attributes, so each element's style is moved to its CSSOM
 * (allowed: set from script), which is how mail clients apply the inlined CSS.
 */
export function EmailCanvas({ html, label }: { html: string; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    root.replaceChildren();
    // Renamed before parsing: the parsed document carries the page's CSP, which would report every style attribute.
    // Style blocks too (a template not yet rendered keeps its own): they become constructed style sheets below.
    const markup = (html || '<p>(no HTML body)</p>')
      .replace(/(<[^>]*?\s)style(\s*=)/gi, `$1${styleAttribute}$2`)
      .replace(/<(\/?)style\b/gi, `<$1${styleBlock}`);
    const parsed = new DOMParser().parseFromString(markup, 'text/html');
    const body = document.createElement('div');
    body.style.cssText = (parsed.body.getAttribute(styleAttribute) ?? '') + ';overflow-wrap:anywhere';
    const sheets: CSSStyleSheet[] = [];
    for (const child of Array.from(parsed.body.childNodes)) body.appendChild(copy(child, sheets));
    root.adoptedStyleSheets = sheets;
    root.appendChild(body);
  }, [html]);
  return <div ref={host} className="email-canvas" role="document" aria-label={label} data-testid="email-preview" />;
}

const styleAttribute = 'data-mail-style';
const styleBlock = 'mail-style';

function copy(node: Node, sheets: CSSStyleSheet[]): Node {
  if (!(node instanceof Element)) return document.importNode(node, false);
  // A <style> block would be refused by the CSP as an inline style element; a constructed style sheet is CSSOM,
  // allowed, and applies inside the shadow root only.
  if (node.tagName.toLowerCase() === styleBlock) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(node.textContent ?? '');
    sheets.push(sheet);
    return document.createComment('style');
  }
  const clone = document.createElement(node.tagName.toLowerCase());
  for (const attribute of Array.from(node.attributes)) {
    if (attribute.name === styleAttribute || attribute.name.startsWith('on')) continue;
    clone.setAttribute(attribute.name, attribute.value);
  }
  const style = node.getAttribute(styleAttribute);
  if (style) clone.style.cssText = style;
  if (clone instanceof HTMLAnchorElement) {
    clone.target = '_blank';
    clone.rel = 'noopener noreferrer';
  }
  for (const child of Array.from(node.childNodes)) clone.appendChild(copy(child, sheets));
  return clone;
}
