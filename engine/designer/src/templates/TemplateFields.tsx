import type { TemplateContent } from '../api';
import { fallbackPlaceholders } from './placeholders';

interface TemplateFieldsProps {
  content: TemplateContent;
  onChange: (content: TemplateContent) => void;
  placeholders?: string[];
}


/** The template's parts as labelled fields: name, subject, preview line, sender and text body (the HTML body has its own editor). */
export function TemplateFields({ content, onChange, placeholders }: TemplateFieldsProps) {
  const set = (field: keyof TemplateContent) => (e: { target: { value: string } }) => onChange({ ...content, [field]: e.target.value });
  return (
    <>
      <div className="field">
        <label htmlFor="template-name">Name</label>
        <input id="template-name" value={content.name} onChange={set('name')} required />
      </div>
      <div className="field">
        <label htmlFor="template-subject">Subject</label>
        <input id="template-subject" value={content.subject} onChange={set('subject')} required />
      </div>
      <div className="field">
        <label htmlFor="template-preheader">Preview line</label>
        <input id="template-preheader" value={content.preheader} onChange={set('preheader')} aria-describedby="template-preheader-help" />
        <div id="template-preheader-help" className="field-help">
          Shown after the subject in most inboxes.
        </div>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="template-from-name">Sender name</label>
          <input id="template-from-name" value={content.fromName} onChange={set('fromName')} placeholder="Default sender" />
        </div>
        <div className="field">
          <label htmlFor="template-from-address">Sender address</label>
          <input id="template-from-address" type="email" value={content.fromAddress} onChange={set('fromAddress')} placeholder="Default address" />
        </div>
      </div>
      <div className="field">
        <label htmlFor="template-text">Text body</label>
        <textarea id="template-text" rows={6} value={content.text} onChange={set('text')} aria-describedby="template-text-help" />
        <div id="template-text-help" className="field-help">
          For mail clients that do not show HTML.
        </div>
      </div>
      <div className="field-help" data-testid="template-placeholders">
        Placeholders: {(placeholders ?? fallbackPlaceholders).map((p) => <code key={p} className="placeholder-chip">{`{{ ${p} }}`}</code>)}
      </div>
    </>
  );
}
