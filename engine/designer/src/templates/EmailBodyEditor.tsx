import { lazy, Suspense, useState } from 'react';
import { Loading } from '../common/Status';
import { fallbackPlaceholders } from './placeholders';

// GrapesJS and its preset are large: only the template editor loads them, so no other page's bundle grows.
const VisualEmailEditor = lazy(() => import('./VisualEmailEditor'));

interface EmailBodyEditorProps {
  html: string;
  onChange: (html: string) => void;
  placeholders?: string[];
}

/** The HTML body, built in the visual editor or, for experts, written as HTML. */
export function EmailBodyEditor({ html, onChange, placeholders }: EmailBodyEditorProps) {
  const [view, setView] = useState<'visual' | 'html'>('visual');
  const [stylesAllowed] = useState(inlineStylesAllowed);
  const styled = view === 'visual' && stylesAllowed;
  return (
    <section className="card template-body" aria-labelledby="template-body-title">
      <div className="template-body-header">
        <h2 id="template-body-title">Email body</h2>
        <div className="panel-switch" role="group" aria-label="Edit the body as">
          <button type="button" aria-pressed={view === 'visual'} onClick={() => setView('visual')}>
            Visual
          </button>
          <button type="button" aria-pressed={view === 'html'} onClick={() => setView('html')}>
            HTML
          </button>
        </div>
      </div>
      {view === 'html' && (
        <div className="field">
          <label htmlFor="template-html">HTML body</label>
          <textarea id="template-html" className="code-input" rows={18} spellCheck={false} value={html} onChange={(e) => onChange(e.target.value)} />
        </div>
      )}
      {styled && (
        <Suspense fallback={<Loading />}>
          <VisualEmailEditor html={html} onChange={onChange} placeholders={placeholders ?? fallbackPlaceholders} />
        </Suspense>
      )}
      {view === 'visual' && !styled && (
        <p className="alert" data-testid="editor-needs-reload">
          The visual editor needs this page loaded on its own address. <a href={window.location.href}>Reload the page</a> to open it.
        </p>
      )}
    </section>
  );
}

/**
 * The host allows inline styles (which GrapesJS's canvas needs) only on the editor's own page load; arriving here by
 * an in-app link keeps the stricter policy of the page before. A style element the policy refuses has no sheet.
 */
function inlineStylesAllowed(): boolean {
  const probe = document.createElement('style');
  probe.textContent = '.inline-style-probe{}';
  document.head.appendChild(probe);
  const allowed = probe.sheet !== null;
  probe.remove();
  return allowed;
}
