/**
 * What a portal writes with a generated client: openapi-fetch over the types that
 * openapi-typescript made from GET /openapi.json. Type-checked and run by client.test.ts
 * (it is outside the package's tsconfig because its types are generated at test time).
 */
import createClient from 'openapi-fetch';
import type { paths } from './generated/openapi.js';

type Fetch = (request: Request) => Promise<Response>;

export async function useGeneratedClient(fetch: Fetch, executorId: string) {
  const as = (token: string) =>
    createClient<paths>({
      baseUrl: 'http://reshaem.test',
      headers: { authorization: `Bearer ${token}` },
      fetch,
    });
  const applicant = as('applicant');
  const created = await applicant.POST('/messages', {
    body: {
      channel: 'epgu_form',
      orgId: 'kam-roads',
      regionCode: '41',
      applicant: { name: 'Иванов Иван Иванович' },
      text: 'Глубокая яма на проезжей части у дома 5',
      categoryId: 'roads',
      subcategoryId: 'potholes',
    },
  });
  const id: string = created.data?.id ?? '';

  const accepted = await as('moderator').POST('/messages/{id}/events', {
    params: { path: { id }, header: { 'If-Match': '"1"' } },
    body: { type: 'moderation.accept' },
  });
  const coordinator = as('coordinatorRoads');
  const assigned = await coordinator.POST('/messages/{id}/events', {
    params: { path: { id }, header: { 'Idempotency-Key': 'assign-1' } },
    body: { type: 'executor.assign', executorId },
  });
  const page = await coordinator.GET('/messages', {
    params: {
      query: { statuses: ['executor_assigned'], sort: 'createdAt', direction: 'asc', limit: 10 },
    },
  });
  const one = await as('executorRoads').GET('/messages/{id}', { params: { path: { id } } });
  const history = await applicant.GET('/messages/{id}/history', { params: { path: { id } } });
  const refused = await coordinator.POST('/messages/{id}/events', {
    params: { path: { id } },
    body: { type: 'answer.approve' },
  });
  const folders = await coordinator.GET('/folders');
  const catalogue = await createClient<paths>({ baseUrl: 'http://reshaem.test', fetch }).GET(
    '/catalogue',
  );

  return {
    createdStatus: created.response.status,
    createdCode: created.data?.status.code,
    acceptedLabel: accepted.data?.status.label,
    assignedEvents: assigned.data?.availableEvents ?? [],
    listed: page.data?.items.map((item) => item.id) ?? [],
    id,
    responseLabel: one.data?.deadlines.response?.label,
    historyTypes: history.data?.items.map((item) => item.type) ?? [],
    refusedType: refused.error?.type,
    inWork: folders.data?.folders.find((folder) => folder.code === 'in_work')?.count,
    categories: catalogue.data?.categories.length ?? 0,
  };
}
