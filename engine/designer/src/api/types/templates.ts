// The email template library (/api/templates).

export interface TemplateSummary {
  key: string;
  name: string;
  subject: string;
  preheader: string;
  version: number;
  builtIn: boolean;
  updatedBy: string;
  updatedAt: string;
}

export interface TemplateContent {
  name: string;
  subject: string;
  preheader: string;
  fromName: string;
  fromAddress: string;
  html: string;
  text: string;
}

export interface TemplateView extends TemplateContent {
  key: string;
  version: number;
  builtIn: boolean;
  updatedBy: string;
  updatedAt: string;
  /** The names a template may use in {{ … }}. */
  placeholders: string[];
}

export interface TemplateSaved {
  key: string;
  version: number;
}

export interface TemplatePreview {
  customerId: string;
  customerName?: string | null;
  subject: string;
  preheader: string;
  fromName: string;
  fromAddress: string;
  html: string;
  text: string;
}

export interface TestSent {
  to: string;
  subject: string;
  detail: string;
}
