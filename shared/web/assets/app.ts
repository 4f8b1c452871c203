// The pages' one script, bundled with htmx by esbuild: progressive enhancement only, every page works without it.
import htmx from 'htmx.org';

declare global {
  interface Window {
    htmx: typeof htmx;
  }
}
window.htmx = htmx;

// htmx requests carry the session's anti-forgery token, which the page states in a meta tag.
document.addEventListener('htmx:configRequest', (event) => {
  const token = document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content;
  const detail = (event as CustomEvent<{ headers: Record<string, string> }>).detail;
  if (token) detail.headers['X-CSRF-Token'] = token;
});

// A refresh that met an ended session was sent to the sign-in page: reload the page itself (the
// server then sends it to sign in and back here), rather than showing that page inside a table.
document.addEventListener('htmx:beforeSwap', (event) => {
  const { xhr } = (event as CustomEvent<{ xhr: XMLHttpRequest }>).detail;
  if (new URL(xhr.responseURL, window.location.href).pathname.endsWith('/sign-in')) {
    event.preventDefault();
    window.location.reload();
  }
});

// A form submits once: a double click must not file two complaints (the idempotency key backs this up).
document.addEventListener('submit', (event) => {
  const form = event.target as HTMLFormElement;
  if (form.dataset.submitted === 'true') {
    event.preventDefault();
    return;
  }
  form.dataset.submitted = 'true';
  setTimeout(() => delete form.dataset.submitted, 5000);
});

// Moves focus to the error summary after a refused form (or to a warning that asks for a decision),
// so a screen reader announces it.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelector<HTMLElement>('.error-summary, [data-autofocus]')?.focus();
});
