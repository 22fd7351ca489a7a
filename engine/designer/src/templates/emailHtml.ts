/**
 * The visual editor writes text and attributes HTML-escaped, which would turn {{ name | default: "friend" }} into
 * Liquid the server cannot parse; inside {{ }} and {% %} the entities go back to the characters the marketer typed.
 */
export function restoreLiquid(html: string): string {
  return html.replace(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g, (tag) =>
    tag
      .replace(/&quot;/g, '"')
      .replace(/&#0?39;/g, "'")
      .replace(/&gt;/g, '>')
      .replace(/&lt;/g, '<')
      .replace(/&amp;/g, '&'),
  );
}

/** The stored body: the editor's CSS as a style element (the server inlines it for mail clients), then the markup. */
export function emailBody(markup: string, css: string): string {
  const inner = markup.replace(/^\s*<body[^>]*>/i, '').replace(/<\/body>\s*$/i, '');
  const body = restoreLiquid(inner.trim());
  return css.trim() ? `<style>${css.trim()}</style>\n${body}` : body;
}

/** A placeholder as the marketer writes it in Liquid. */
export function placeholderTag(name: string): string {
  return `{{ ${name} }}`;
}
