import type { RefusalView } from './refusal.js';

/**
 * A refusal as the first thing in `<main>`: an alert that screen readers announce, focused
 * on load (`autofocus` with `tabindex="-1"`, no script), so it is in the first screen
 * whatever page the person was on and wherever the form that failed sits.
 */
export function RefusalBanner({ refusal }: { refusal: RefusalView }) {
  return (
    <div class="flash error" role="alert" tabindex={-1} autofocus id="refusal" data-refusal>
      <strong>{refusal.title}</strong>
      {refusal.details.map((d) => (
        <div>{d}</div>
      ))}
    </div>
  );
}
