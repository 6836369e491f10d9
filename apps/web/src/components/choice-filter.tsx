/** One labelled drop-down of a filter bar: "any" first, then each choice; an empty value means no filter. */
export function ChoiceFilter(props: {
  id: string;
  label: string;
  anyLabel: string;
  value: string;
  choices: readonly (readonly [value: string, label: string])[];
  onChange: (value: string) => void;
  className: string;
}) {
  return (
    <div className={props.className}>
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        <option value="">{props.anyLabel}</option>
        {props.choices.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}
