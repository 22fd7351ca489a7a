// The dispatch log's filters and their place in the address bar, so a filtered view can be bookmarked and shared.
// Pure: unit-tested in actionFilter.test.ts.

export interface ActionFilter {
  status: string;
  workflowId: string;
  customerId: string;
  /** How many of the newest matching actions to show: the API lists newest first and takes at most 2,000. */
  take: number;
}

export const pageSize = 50;
export const maxTake = 2000;

/** Every status the API filters by (ActionStatus), in the order an operator looks for them. */
export const actionStatuses: { value: string; label: string }[] = [
  { value: 'failed', label: 'Failed' },
  { value: 'unknown', label: 'Outcome unknown' },
  { value: 'dispatched', label: 'Dispatched' },
  { value: 'completed', label: 'Completed' },
  { value: 'skipped', label: 'Skipped' },
  { value: 'held', label: 'Held' },
  { value: 'awaitingApproval', label: 'Awaiting approval' },
  { value: 'rejected', label: 'Rejected' },
  { value: 'pending', label: 'Pending' },
];

const known = new Set(actionStatuses.map((s) => s.value));

/** The filter a URL query describes; unknown statuses and odd page sizes fall back to "all" and one page. */
export function filterFromQuery(search: URLSearchParams): ActionFilter {
  const status = search.get('status') ?? '';
  const take = Number.parseInt(search.get('take') ?? '', 10);
  return {
    status: known.has(status) ? status : '',
    workflowId: (search.get('workflowId') ?? '').trim(),
    customerId: (search.get('customerId') ?? '').trim(),
    take: Number.isFinite(take) && take > 0 ? Math.min(Math.ceil(take / pageSize) * pageSize, maxTake) : pageSize,
  };
}

/** The URL query for a filter: only what differs from the defaults, so the plain page keeps a plain address. */
export function queryFromFilter(filter: ActionFilter): URLSearchParams {
  const search = new URLSearchParams();
  if (filter.status) search.set('status', filter.status);
  if (filter.workflowId.trim()) search.set('workflowId', filter.workflowId.trim());
  if (filter.customerId.trim()) search.set('customerId', filter.customerId.trim());
  if (filter.take !== pageSize) search.set('take', String(filter.take));
  return search;
}

/** A changed filter starts again at the first page; only "show more" grows it. */
export function changeFilter(filter: ActionFilter, patch: Partial<Omit<ActionFilter, 'take'>>): ActionFilter {
  return { ...filter, ...patch, take: pageSize };
}

export function showMore(filter: ActionFilter): ActionFilter {
  return { ...filter, take: Math.min(filter.take + pageSize, maxTake) };
}

/** There may be more when the API returned a full page and the cap is not reached. */
export function mayHaveMore(filter: ActionFilter, returned: number): boolean {
  return returned >= filter.take && filter.take < maxTake;
}
