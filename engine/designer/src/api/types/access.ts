// Types of the web API (docs/web-api.md), by the part of the API they belong to; index.ts gathers them.

// ---- access ----

export type Role = 'admin' | 'marketer' | 'approver' | 'integrator';

export interface User {
  email: string;
  displayName: string;
  roles: Role[];
}

/** An account as the admin's users page sees it. */
export interface UserAccount extends User {
  createdAt: string;
  /** The admin who created the account; none for accounts from configuration or seeding. */
  createdBy?: string | null;
  /** A second admin who vouched that the account is someone other than its creator (four-eyes). */
  confirmedBy?: string | null;
}

/** What an API key may do: send events, or read aggregate reports. No key reads a person's data. */
export type KeyScope = 'ingest' | 'reporting';

/** An API key as the admin sees it; the key itself is shown only once, when it is created. */
export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scope: KeyScope;
  source: 'admin' | 'configuration';
  createdBy: string;
  createdAt?: string | null;
  lastUsedAt?: string | null;
  revokedAt?: string | null;
}

export interface NewApiKey {
  id: string;
  name: string;
  scope: KeyScope;
  key: string;
}

export interface NewUser {
  email: string;
  displayName: string;
  password: string;
  roles: Role[];
}

/** What the admin changes; a field left out stays as it is. */
export interface UserChange {
  displayName?: string;
  roles?: Role[];
  password?: string;
}

export interface AntiforgeryToken {
  token: string;
  headerName: string;
}

/** One problem in a 400 answer; `activityId` is set when it belongs to a workflow activity. */
export interface ValidationProblem {
  activityId?: string | null;
  field?: string;
  message: string;
  position?: number | null;
}

export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: Record<string, string[]>;
  problems?: ValidationProblem[];
}
