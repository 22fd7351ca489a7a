import type { AntiforgeryToken, ProblemDetails, ValidationProblem } from './types';

/** An answer other than 2xx, carrying the RFC 7807 problem the server sent (if any). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetails;

  constructor(status: number, problem: ProblemDetails) {
    super(problem.detail || problem.title || `Request failed (${status})`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  /** Every problem listed: `problems` when the server sent them, otherwise one per `errors` entry. */
  get problems(): ValidationProblem[] {
    if (this.problem.problems && this.problem.problems.length > 0) return this.problem.problems;
    const fromErrors = Object.entries(this.problem.errors ?? {}).flatMap(([field, messages]) =>
      messages.map((message) => ({ field, message })),
    );
    return fromErrors;
  }
}

let antiforgery: AntiforgeryToken | null = null;
let onUnauthorized: (() => void) | null = null;

/** Called when any request (other than sign-in) answers 401: the app shows the sign-in page. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export function setAntiforgeryToken(token: AntiforgeryToken | null): void {
  antiforgery = token;
}

export function hasAntiforgeryToken(): boolean {
  return antiforgery !== null;
}

interface RequestOptions {
  body?: unknown;
  /** Sign-in answers 401 for wrong credentials: that is not "your session ended". */
  allowUnauthorized?: boolean;
  signal?: AbortSignal;
}

let antiforgeryLoading: Promise<void> | null = null;

async function ensureAntiforgery(): Promise<void> {
  if (antiforgery) return;
  antiforgeryLoading ??= (async () => {
    try {
      const token = await request<AntiforgeryToken>('GET', '/api/auth/antiforgery');
      antiforgery = token;
    } finally {
      antiforgeryLoading = null;
    }
  })();
  await antiforgeryLoading;
}

export async function request<T>(method: string, url: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const changesState = method !== 'GET' && method !== 'HEAD';
  if (changesState && !options.allowUnauthorized) await ensureAntiforgery();
  if (changesState && antiforgery) headers[antiforgery.headerName || 'X-XSRF-TOKEN'] = antiforgery.token;

  let body: BodyInit | undefined;
  if (options.body !== undefined) {
    if (typeof options.body === 'string') {
      body = options.body;
    } else {
      body = JSON.stringify(options.body);
    }
    headers['Content-Type'] = 'application/json';
  }

  let response: Response;
  try {
    response = await fetch(url, { method, headers, body, credentials: 'same-origin', signal: options.signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, { title: 'The server could not be reached', detail: 'Check your connection and try again.' });
  }

  if (response.status === 401 && !options.allowUnauthorized) {
    antiforgery = null;
    onUnauthorized?.();
    throw new ApiError(401, { title: 'Signed out', detail: 'Your session has ended. Please sign in again.' });
  }

  if (!response.ok) {
    throw new ApiError(response.status, await readProblem(response));
  }

  if (response.status === 204 || response.status === 202) {
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  const text = await response.text();
  if (!text) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) return JSON.parse(text) as T;
  return text as unknown as T;
}

async function readProblem(response: Response): Promise<ProblemDetails> {
  const fallback: ProblemDetails = { status: response.status, title: defaultTitle(response.status) };
  try {
    const text = await response.text();
    if (!text) return fallback;
    const parsed = JSON.parse(text) as ProblemDetails;
    return { ...fallback, ...parsed };
  } catch {
    return fallback;
  }
}

function defaultTitle(status: number): string {
  switch (status) {
    case 400:
      return 'The request has problems';
    case 403:
      return 'You are not allowed to do this';
    case 404:
      return 'Not found';
    case 409:
      return 'This was changed by someone else';
    default:
      return status >= 500 ? 'The server had a problem' : `Request failed (${status})`;
  }
}

export const http = {
  get: <T>(url: string, signal?: AbortSignal) => request<T>('GET', url, { signal }),
  post: <T>(url: string, body?: unknown) => request<T>('POST', url, { body }),
  put: <T>(url: string, body?: unknown) => request<T>('PUT', url, { body }),
  delete: <T>(url: string) => request<T>('DELETE', url),
};

/** Builds a query string from the defined values only. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** A readable message for any error thrown by the API layer. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const { title, detail } = error.problem;
    if (detail && title && detail !== title) return `${title}: ${detail}`;
    return detail || title || error.message;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
