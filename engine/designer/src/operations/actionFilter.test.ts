import { describe, expect, it } from 'vitest';
import { changeFilter, filterFromQuery, mayHaveMore, pageSize, queryFromFilter, showMore } from './actionFilter';

describe('action filter in the URL', () => {
  it('reads status, workflow, customer and page size from the query', () => {
    const filter = filterFromQuery(new URLSearchParams('status=failed&workflowId=welcome&customerId=c-1&take=100'));
    expect(filter).toEqual({ status: 'failed', workflowId: 'welcome', customerId: 'c-1', take: 100 });
  });

  it('falls back to all statuses and one page for unknown or odd values', () => {
    const filter = filterFromQuery(new URLSearchParams('status=exploded&take=-3'));
    expect(filter).toEqual({ status: '', workflowId: '', customerId: '', take: pageSize });
    expect(filterFromQuery(new URLSearchParams('take=99999')).take).toBe(2000);
    expect(filterFromQuery(new URLSearchParams('take=70')).take).toBe(100);
  });

  it('writes only what differs from the defaults, and reads back the same filter', () => {
    const filter = { status: 'awaitingApproval', workflowId: ' vip ', customerId: '', take: 150 };
    const query = queryFromFilter(filter);
    expect(query.toString()).toBe('status=awaitingApproval&workflowId=vip&take=150');
    expect(filterFromQuery(query)).toEqual({ ...filter, workflowId: 'vip' });
    expect(queryFromFilter({ status: '', workflowId: '', customerId: '', take: pageSize }).toString()).toBe('');
  });

  it('starts again at one page when a filter changes, and grows by a page on show more', () => {
    const grown = showMore(showMore(filterFromQuery(new URLSearchParams())));
    expect(grown.take).toBe(3 * pageSize);
    expect(changeFilter(grown, { status: 'failed' })).toEqual({ status: 'failed', workflowId: '', customerId: '', take: pageSize });
    expect(showMore({ ...grown, take: 2000 }).take).toBe(2000);
  });

  it('offers more only after a full page below the cap', () => {
    expect(mayHaveMore({ status: '', workflowId: '', customerId: '', take: 50 }, 50)).toBe(true);
    expect(mayHaveMore({ status: '', workflowId: '', customerId: '', take: 50 }, 12)).toBe(false);
    expect(mayHaveMore({ status: '', workflowId: '', customerId: '', take: 2000 }, 2000)).toBe(false);
  });
});
