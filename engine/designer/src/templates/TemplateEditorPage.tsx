import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { errorMessage, templatesApi, type TemplateContent, type TemplatePreview } from '../api';
import { slugify } from '../common/format';
import { ErrorMessage, Loading } from '../common/Status';
import { useAsync, useDebounced } from '../common/useAsync';
import { EmailBodyEditor } from './EmailBodyEditor';
import { EmailCanvas } from './EmailCanvas';
import { PreviewCustomerPicker } from './PreviewCustomerPicker';
import { TemplateFields } from './TemplateFields';

const blank: TemplateContent = {
  name: '',
  subject: 'Hi {{ firstName }}',
  preheader: '',
  fromName: '',
  fromAddress: '',
  html: '<p>Hi {{ name }},</p>\n<p>…</p>\n<p><a href="{{ unsubscribe_url }}">Unsubscribe</a></p>',
  text: 'Hi {{ name }},\n\n…\n\nUnsubscribe: {{ unsubscribe_url }}',
};

/** Write a template, see it rendered for a real customer as you type, save it and send yourself a test. */
export function TemplateEditorPage() {
  const { key: routeKey } = useParams();
  const isNew = !routeKey || routeKey === 'new';
  const navigate = useNavigate();
  const stored = useAsync(() => (isNew ? Promise.resolve(null) : templatesApi.get(routeKey!)), [routeKey]);
  const [content, setContent] = useState<TemplateContent>(blank);
  const [key, setKey] = useState('');
  const [customerId, setCustomerId] = useState('');
  const [notice, setNotice] = useState('');
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (stored.data) setContent(stored.data);
  }, [stored.data]);

  const draft = useDebounced(content, 300);
  const [preview, setPreview] = useState<TemplatePreview | null>(null);
  const [previewProblem, setPreviewProblem] = useState('');
  useEffect(() => {
    if (!customerId) return;
    let current = true;
    templatesApi
      .preview(customerId, draft)
      .then((p) => current && (setPreview(p), setPreviewProblem('')))
      .catch((e: unknown) => current && setPreviewProblem(errorMessage(e)));
    return () => {
      current = false;
    };
  }, [draft, customerId]);

  const effectiveKey = isNew ? key || slugify(content.name) : routeKey!;
  const save = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const saved = isNew ? await templatesApi.create(effectiveKey, content) : await templatesApi.save(effectiveKey, content);
      setNotice(`Saved version ${saved.version}.`);
      if (isNew) navigate(`/templates/${encodeURIComponent(saved.key)}`, { replace: true });
      else stored.reload();
    } catch (e) {
      setProblem(e);
    } finally {
      setBusy(false);
    }
  };
  const testSend = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const sent = await templatesApi.testSend(effectiveKey, customerId);
      setNotice(`Test email sent to ${sent.to}.`);
    } catch (e) {
      setProblem(e);
    } finally {
      setBusy(false);
    }
  };

  if (stored.loading && !stored.data && !isNew) return <Loading />;
  if (stored.error) return <ErrorMessage error={stored.error} onRetry={stored.reload} />;
  const unsaved = !isNew && stored.data ? JSON.stringify(pick(stored.data)) !== JSON.stringify(pick(content)) : isNew;
  const testReason = isNew ? 'Save the template first' : unsaved ? 'Save your changes first: the test sends the saved version' : !customerId ? 'Choose a customer' : '';

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>{isNew ? 'New email template' : content.name || routeKey}</h1>
          <p className="muted">
            Write with placeholders such as <code>{'{{ firstName }}'}</code>; the preview shows them filled in for a real customer.
          </p>
        </div>
        <div className="button-row">
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void save()}>
            Save template
          </button>
          <button type="button" className="btn" disabled={busy || !!testReason} title={testReason || undefined} onClick={() => void testSend()}>
            Send test to me
          </button>
        </div>
      </header>
      {testReason && !isNew && unsaved && <p className="muted small" data-testid="test-send-reason">{testReason}</p>}
      <div className="notice-line" role="status" data-testid="template-notice">
        {notice}
      </div>
      {problem ? <ErrorMessage error={problem} /> : null}
      <div className="template-layout">
        <section className="card" aria-labelledby="template-content-title">
          <h2 id="template-content-title">Content</h2>
          {isNew && (
            <div className="field">
              <label htmlFor="template-key">Key</label>
              <input id="template-key" value={effectiveKey} onChange={(e) => setKey(e.target.value.toLowerCase().replace(/[^a-z0-9-]+/g, '-'))} aria-describedby="template-key-help" />
              <div id="template-key-help" className="field-help">
                How workflows refer to it; lower-case letters, digits and dashes.
              </div>
            </div>
          )}
          <TemplateFields content={content} onChange={setContent} placeholders={stored.data?.placeholders} />
        </section>
        <section className="card template-preview" aria-labelledby="template-preview-title">
          <h2 id="template-preview-title">Preview</h2>
          <PreviewCustomerPicker value={customerId} onChange={setCustomerId} />
          {previewProblem && (
            <div className="alert alert-error" role="alert" data-testid="preview-problem">
              {previewProblem}
            </div>
          )}
          {preview && (
            <div className="email-envelope" data-testid="preview-envelope">
              <div>
                <span className="muted">From </span>
                {preview.fromName} &lt;{preview.fromAddress}&gt;
              </div>
              <div className="email-subject" data-testid="preview-subject">
                {preview.subject}
              </div>
              {preview.preheader && <div className="muted small">{preview.preheader}</div>}
              <EmailCanvas html={preview.html} label={`Email as ${preview.customerName ?? preview.customerId} sees it`} />
            </div>
          )}
        </section>
      </div>
      <EmailBodyEditor html={content.html} onChange={(html) => setContent((c) => ({ ...c, html }))} placeholders={stored.data?.placeholders} />
    </div>
  );
}

function pick(t: TemplateContent): TemplateContent {
  return { name: t.name, subject: t.subject, preheader: t.preheader, fromName: t.fromName, fromAddress: t.fromAddress, html: t.html, text: t.text };
}
