import { useEffect, useState } from 'react';
import { customersApi, templatesApi } from '../api';
import { EmailCanvas } from './EmailCanvas';

// One sample customer and one render per template for the whole page: a picker shows many thumbnails at once.
let sampleCustomer: Promise<string | undefined> | undefined;
const renders = new Map<string, Promise<string>>();

function renderFor(key: string): Promise<string> {
  let render = renders.get(key);
  if (!render) {
    sampleCustomer ??= customersApi.search('', 0, 1).then((p) => p.customers[0]?.id);
    render = Promise.all([sampleCustomer, templatesApi.get(key)]).then(([customerId, template]) =>
      customerId ? templatesApi.preview(customerId, template).then((p) => p.html) : template.html,
    );
    render.catch(() => renders.delete(key));
    renders.set(key, render);
  }
  return render;
}

/**
 * A scaled-down picture of the email as the server renders it for a sample customer. Inert: a picture to recognise
 * the email by, not a second copy of its links for the keyboard or a screen reader.
 */
export function TemplateThumbnail({ templateKey }: { templateKey: string }) {
  const [html, setHtml] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    renderFor(templateKey).then(
      (h) => current && setHtml(h),
      () => current && setHtml(''),
    );
    return () => {
      current = false;
    };
  }, [templateKey]);
  return (
    <div className="template-thumbnail" inert data-testid={`thumbnail-${templateKey}`}>
      {html !== null && <EmailCanvas html={html} label="" />}
    </div>
  );
}
