import { useId } from 'react';
import type { TriggerDefinition } from '../api';
import { newWebhookSecret } from './triggers';

interface WebhookTriggerFieldsProps {
  trigger: TriggerDefinition;
  readOnly: boolean;
  onChange: (patch: Partial<TriggerDefinition>, field: string) => void;
}

/** The webhook trigger's secret, and how another system calls it. */
export function WebhookTriggerFields({ trigger, readOnly, onChange }: WebhookTriggerFieldsProps) {
  const id = useId();
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-secret`}>
          Secret<span className="req" aria-hidden="true"> *</span>
        </label>
        <input
          id={`${id}-secret`}
          type="text"
          className="code-input"
          value={trigger.secret ?? ''}
          readOnly={readOnly}
          spellCheck={false}
          aria-describedby={`${id}-secret-help`}
          onChange={(e) => onChange({ secret: e.target.value.trim() }, 'secret')}
        />
        {!readOnly && (
          <button type="button" className="btn btn-small btn-ghost" onClick={() => onChange({ secret: newWebhookSecret() }, 'secret')}>
            New secret
          </button>
        )}
      </div>
      <p id={`${id}-secret-help`} className="field-help">
        The other system sends <code>POST /api/webhooks/&lt;workflow id&gt;</code> with this secret in the <code>X-Webhook-Secret</code> header and{' '}
        <code>{'{"customerId": "…"}'}</code> as the body. The call starts the workflow for that customer, or resumes their instance when it waits for the event
        “webhook”.
      </p>
    </>
  );
}
