import type { Directory, Principal } from '@reshaem/core';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { Layout } from './layout.js';

type Page = { toString(): string | Promise<string> };

/** Sends a page as HTML with its doctype. */
export async function render(c: Context, page: Page, status: ContentfulStatusCode = 200) {
  return c.html(`<!DOCTYPE html>${await page.toString()}`, status);
}

/** A page that only says what went wrong. */
export function problemPage(
  c: Context,
  options: { directory: Directory; user: Principal | null; title: string; text: string },
  status: ContentfulStatusCode,
) {
  return render(
    c,
    <Layout title={options.title} user={options.user} directory={options.directory}>
      <h1>{options.title}</h1>
      <p class="card">{options.text}</p>
    </Layout>,
    status,
  );
}
