/** Checkboxes with ids unique on a page that holds several forms with the same field name. */
export function Checkboxes(p: { name: string; idPrefix: string; legend: string; options: { value: string; label: string }[]; value: string[] }) {
  return (
    <fieldset class="field">
      <legend>{p.legend}</legend>
      {p.options.map((o, i) => (
        <div class="choice">
          <input type="checkbox" id={`${p.idPrefix}-${i}`} name={p.name} value={o.value} checked={p.value.includes(o.value)} />
          <label for={`${p.idPrefix}-${i}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
