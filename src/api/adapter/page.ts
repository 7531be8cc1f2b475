import type { Pagination } from '@contract';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  totalPages: number;
}

export function toPage<T>(w: Pagination, items: T[]): Page<T> {
  return { items, total: w.total_records, page: w.current_page, totalPages: w.total_pages };
}
