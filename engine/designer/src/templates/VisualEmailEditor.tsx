import grapesjs, { type Component, type Editor, type Plugin } from 'grapesjs';
import newsletterModule from 'grapesjs-preset-newsletter';
import 'grapesjs/dist/css/grapes.min.css';
import { useEffect, useRef, useState } from 'react';
import { emailBody, placeholderTag } from './emailHtml';
import { placeholderLabels } from './placeholders';

interface VisualEmailEditorProps {
  html: string;
  onChange: (html: string) => void;
  placeholders: string[];
}

// The preset ships as UMD: bundled, its plugin may arrive as the module or as the module's default.
const newsletter = ((newsletterModule as unknown as { default?: Plugin }).default ?? newsletterModule) as typeof newsletterModule;

/** The newsletter preset's blocks a marketer adds most, by the preset's block id. */
const quickBlocks: [id: string, label: string][] = [
  ['text', 'Text'],
  ['image', 'Image'],
  ['button', 'Button'],
  ['sect50', 'Two columns'],
  ['divider', 'Divider'],
];

/**
 * GrapesJS with its newsletter preset: drag-and-drop blocks that produce table-based, email-safe HTML. Loaded only
 * on this page (the template editor imports it lazily). Liquid placeholders are plain text to GrapesJS, so they go
 * through it unchanged; the server renders them, inlines the CSS and sanitizes, as for a hand-written body.
 */
export default function VisualEmailEditor({ html, onChange, placeholders }: VisualEmailEditorProps) {
  const container = useRef<HTMLDivElement>(null);
  const [editor, setEditor] = useState<Editor | null>(null);
  const emitted = useRef<string | null>(null);
  const changed = useRef(onChange);
  changed.current = onChange;

  useEffect(() => {
    const instance = grapesjs.init({
      container: container.current!,
      height: '640px',
      storageManager: false,
      // No usage reports to grapesjs.com: the app talks only to its own host.
      telemetry: false,
      // The default icon font comes from a CDN, which the page's policy refuses; the preset brings its own SVG icons.
      cssIcons: '',
      plugins: [(e) => newsletter(e, { inlineCss: false, showStylesOnChange: true })],
    });
    for (const name of placeholders) {
      instance.Blocks.add(`personalize-${name}`, {
        label: placeholderLabels[name] ?? name,
        category: 'Personalize',
        content: { type: 'text', content: placeholderTag(name) },
      });
    }
    instance.on('load', () => labelForAssistiveTech(instance, container.current!));
    setEditor(instance);
    return () => instance.destroy();
    // The editor is created once; placeholders only add blocks.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Loads the body when it changed outside the editor (first load, the HTML view); the editor's own output is not
  // reported back until the marketer changes something, so opening a template does not mark it unsaved.
  const loaded = useRef<string | null>(null);
  useEffect(() => {
    if (!editor || html === emitted.current) return;
    emitted.current = html;
    editor.setComponents(html);
    loaded.current = current(editor);
  }, [editor, html]);

  useEffect(() => {
    if (!editor) return;
    const report = () => {
      const next = current(editor);
      if (next === emitted.current || next === loaded.current) return;
      loaded.current = null;
      emitted.current = next;
      changed.current(next);
    };
    editor.on('update', report);
    return () => void editor.off('update', report);
  }, [editor]);

  const addBlock = (id: string) => {
    if (!editor) return;
    const block = editor.Blocks.get(id);
    const content = block?.getContent();
    if (!content) return;
    const [added] = editor.getWrapper()!.append(content as never);
    if (added) editor.select(added);
  };

  const personalize = (name: string) => {
    if (!editor || !name) return;
    insertPlaceholder(editor, placeholderTag(name));
  };

  return (
    <div className="visual-editor">
      <div className="button-row visual-editor-tools" role="toolbar" aria-label="Add to the email">
        {quickBlocks.map(([id, label]) => (
          <button key={id} type="button" className="btn btn-small" disabled={!editor} onClick={() => addBlock(id)}>
            + {label}
          </button>
        ))}
        <label htmlFor="personalize-menu" className="visually-hidden">
          Personalize
        </label>
        <select id="personalize-menu" value="" disabled={!editor} onChange={(e) => personalize(e.target.value)} aria-describedby="personalize-help">
          <option value="">Personalize…</option>
          {placeholders.map((p) => (
            <option key={p} value={p}>
              {placeholderLabels[p] ?? p}
            </option>
          ))}
        </select>
        <span id="personalize-help" className="field-help">
          Inserts at the cursor in the text you edit, at the end of the selected text, or as a new line.
        </span>
      </div>
      <div ref={container} className="visual-editor-canvas" data-testid="visual-editor" />
    </div>
  );
}

/** GrapesJS leaves its canvas frame untitled and its side panel unreachable by keyboard; both get what axe asks for. */
function labelForAssistiveTech(editor: Editor, container: HTMLElement) {
  editor.Canvas.getFrameEl()?.setAttribute('title', 'Email canvas');
  for (const panel of Array.from(container.querySelectorAll('.gjs-pn-views-container'))) {
    panel.setAttribute('tabindex', '0');
    panel.setAttribute('role', 'region');
    panel.setAttribute('aria-label', 'Blocks, styles and settings');
  }
}

function current(editor: Editor): string {
  return emailBody(editor.getHtml(), editor.getCss({ avoidProtected: true }) ?? '');
}

/** At the caret while text is being edited, else at the end of the selected text, else as a new text line. */
function insertPlaceholder(editor: Editor, tag: string) {
  const rte = editor.RichTextEditor.globalRte;
  if (editor.getEditing() && rte) {
    rte.insertHTML(tag);
    return;
  }
  const selected = editor.getSelected();
  if (selected?.is('text')) {
    appendText(selected, tag);
    return;
  }
  const [added] = editor.getWrapper()!.append({ type: 'text', content: tag });
  if (added) editor.select(added);
}

function appendText(text: Component, tag: string) {
  const inner = text.getInnerHTML();
  text.set('content', '');
  text.components(`${inner} ${tag}`);
}
