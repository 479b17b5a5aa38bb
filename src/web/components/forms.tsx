import type { ComponentChildren } from 'preact';
import type { FastifyRequest } from 'fastify';
import { assetUrl, hasAsset } from '../assets.js';

/** Field errors by field name; rendered inline and in the ErrorSummary. */
export type FieldErrors = Record<string, string>;

export function CsrfField({ req }: { req: FastifyRequest }) {
  return <input type="hidden" name="_csrf" value={req.csrfToken()} />;
}

export function ErrorSummary({ req, errors }: { req: FastifyRequest; errors?: FieldErrors }) {
  const entries = Object.entries(errors ?? {});
  if (!entries.length) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{req.t('core.error_summary')}</h2>
      <ul>{entries.map(([name, msg]) => <li><a href={`#f-${name}`}>{msg}</a></li>)}</ul>
    </div>
  );
}

interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  children: ComponentChildren;
}

/** Label, hint and inline error around one control whose id is `f-<name>`. */
export function Field({ name, label, hint, error, children }: FieldProps) {
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <label for={`f-${name}`}>{label}</label>
      {hint && <span class="field__hint" id={`f-${name}-hint`}>{hint}</span>}
      {error && <span class="field__error" id={`f-${name}-error`}>{error}</span>}
      {children}
    </div>
  );
}

const describedBy = (name: string, hint?: string, error?: string) =>
  [hint && `f-${name}-hint`, error && `f-${name}-error`].filter(Boolean).join(' ') || undefined;

type InputType = 'text' | 'search' | 'email' | 'tel' | 'password' | 'number' | 'date' | 'datetime-local' | 'time' | 'url' | 'file';

interface InputProps {
  name: string; label: string; hint?: string; error?: string; value?: string | number | null;
  type?: InputType; required?: boolean; autocomplete?: string; inputMode?: string; maxLength?: number;
  min?: string | number; max?: string | number; step?: string | number; accept?: string; multiple?: boolean; pattern?: string;
  /** File inputs: the picker button and the "nothing chosen" text (Vietnamese by default). */
  chooseLabel?: string; noFileLabel?: string;
}

/**
 * A file input with a Vietnamese "Chọn tệp…" button and the chosen file names. The button and the
 * name text are shown by js/file-picker.js; without JavaScript the browser's own input stays visible.
 */
function FilePicker({ p, input }: { p: InputProps; input: ComponentChildren }) {
  const script = 'js/file-picker.js';
  return (
    <div class="file-picker" data-file-picker>
      {input}
      <label for={`f-${p.name}`} class="button button--secondary file-picker__button" hidden aria-hidden="true">
        {p.chooseLabel ?? 'Chọn tệp…'}
      </label>
      <span class="file-picker__name" data-file-name hidden aria-live="polite">{p.noFileLabel ?? 'Chưa chọn tệp nào'}</span>
      {hasAsset(script) && <script src={assetUrl(script)} defer />}
    </div>
  );
}

export function TextInput(p: InputProps) {
  const input = (
      <input id={`f-${p.name}`} name={p.name} type={p.type ?? 'text'} value={p.type === 'file' || p.value == null ? undefined : String(p.value)}
        required={p.required} autoComplete={p.autocomplete} inputMode={p.inputMode as any} maxLength={p.maxLength}
        min={p.min} max={p.max} step={p.step} accept={p.accept} multiple={p.multiple} pattern={p.pattern}
        aria-invalid={p.error ? 'true' : undefined} aria-describedby={describedBy(p.name, p.hint, p.error)}
        class={p.type === 'file' ? 'file-picker__input' : undefined} />
  );
  return (
    <Field name={p.name} label={p.label} hint={p.hint} error={p.error}>
      {p.type === 'file' ? <FilePicker p={p} input={input} /> : input}
    </Field>
  );
}

export function Textarea(p: Omit<InputProps, 'type'> & { rows?: number }) {
  return (
    <Field name={p.name} label={p.label} hint={p.hint} error={p.error}>
      <textarea id={`f-${p.name}`} name={p.name} rows={p.rows ?? 5} required={p.required} maxLength={p.maxLength}
        aria-invalid={p.error ? 'true' : undefined} aria-describedby={describedBy(p.name, p.hint, p.error)}>{p.value ?? ''}</textarea>
    </Field>
  );
}

export interface Option { value: string; label: string }

export function Select(p: Omit<InputProps, 'type'> & { options: Option[]; placeholder?: string }) {
  return (
    <Field name={p.name} label={p.label} hint={p.hint} error={p.error}>
      <select id={`f-${p.name}`} name={p.name} required={p.required}
        aria-invalid={p.error ? 'true' : undefined} aria-describedby={describedBy(p.name, p.hint, p.error)}>
        {p.placeholder !== undefined && <option value="">{p.placeholder}</option>}
        {p.options.map((o) => <option value={o.value} selected={String(p.value ?? '') === o.value}>{o.label}</option>)}
      </select>
    </Field>
  );
}

/** Radio buttons (single choice) or checkboxes (multiple) in a fieldset with a legend. */
export function Choices(p: { name: string; legend: string; hint?: string; error?: string; options: Option[]; value?: string | string[]; multiple?: boolean; required?: boolean }) {
  const selected = new Set(Array.isArray(p.value) ? p.value : p.value ? [p.value] : []);
  return (
    <fieldset class={`field${p.error ? ' field--error' : ''}`} id={`f-${p.name}`} aria-describedby={describedBy(p.name, p.hint, p.error)}>
      <legend>{p.legend}</legend>
      {p.hint && <span class="field__hint" id={`f-${p.name}-hint`}>{p.hint}</span>}
      {p.error && <span class="field__error" id={`f-${p.name}-error`}>{p.error}</span>}
      {p.options.map((o, i) => (
        <div class="choice">
          <input type={p.multiple ? 'checkbox' : 'radio'} id={`f-${p.name}-${i}`} name={p.name} value={o.value}
            checked={selected.has(o.value)} required={p.required && !p.multiple} />
          <label for={`f-${p.name}-${i}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

export function Button({ children, variant, name, value, type }: { children: ComponentChildren; variant?: 'secondary' | 'link'; name?: string; value?: string; type?: 'submit' | 'button' }) {
  return <button class={`button${variant ? ` button--${variant}` : ''}`} type={type ?? 'submit'} name={name} value={value}>{children}</button>;
}
