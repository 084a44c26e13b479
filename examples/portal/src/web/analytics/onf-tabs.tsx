import {
  caseIndicatorScopeOf,
  type Directory,
  indicatorScopeOf,
  type Principal,
  WorkflowRefusal,
} from '@reshaem/core';
import { worksOnlyOnf } from '../onf/onf-people.js';

/**
 * Does the user see the message indicators (a head, curator or administrator), and work
 * with messages at all (the navigation hides «Показатели» from ОНФ-only staff)?
 */
function seesMessageIndicators(user: Principal, directory: Directory): boolean {
  if (worksOnlyOnf(user, directory)) return false;
  try {
    indicatorScopeOf(user, directory);
    return true;
  } catch (error) {
    if (error instanceof WorkflowRefusal) return false;
    throw error;
  }
}

/**
 * The tabs between the two dashboards, «Сообщения» (`/analytics`) and «Карточки ОНФ»
 * (`/analytics/onf`), for a user who may see both; nothing for one who sees only one.
 */
export function AnalyticsTabs(props: {
  user: Principal;
  directory: Directory;
  current: 'messages' | 'onf';
}) {
  const { user, directory, current } = props;
  if (!seesMessageIndicators(user, directory) || !caseIndicatorScopeOf(user, directory)) {
    return null;
  }
  const tab = (id: 'messages' | 'onf', href: string, title: string) => (
    <a
      href={href}
      class={id === current ? 'active' : ''}
      aria-current={id === current ? 'page' : undefined}
      data-analytics-tab={id}
    >
      {title}
    </a>
  );
  return (
    <nav class="folders" aria-label="Показатели">
      {tab('messages', '/analytics', 'Сообщения')}
      {tab('onf', '/analytics/onf', 'Карточки ОНФ')}
    </nav>
  );
}
