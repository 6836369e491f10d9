import { useDeferredValue, useMemo, useState } from 'react';
import type { FieldControlProps } from '../../../components/form-field';
import { searchTimeZones, timeZoneCatalog, zoneNamedBy } from '../../../lib/time-zone-catalog';

/**
 * One zone list for every form: searchable by city, region, old name or offset, each zone with its current
 * UTC offset. The chosen zone stays in the list whatever the search, so the select never loses its value.
 */
export function TimeZonePicker({
  control,
  value,
  onChange,
  onBlur,
  name,
}: {
  control: FieldControlProps;
  value: string;
  onChange: (zone: string) => void;
  onBlur?: () => void;
  name?: string;
}) {
  const [query, setQuery] = useState('');
  // The first render lists the chosen zone only; the other ~420 follow in a render that yields to the browser,
  // so the form's first paint is not one long task (the list is the same a moment later).
  const listAll = useDeferredValue(true, false);
  // Offsets as of now: the list is for choosing, the times shown elsewhere use each instant's own offset.
  const catalog = useMemo(() => timeZoneCatalog(new Date(), value ? [value] : []), [value]);
  const found = listAll ? searchTimeZones(catalog, query) : [];
  const shown = found.some((choice) => choice.id === value) ? found : [...catalog.filter((choice) => choice.id === value), ...found];
  const searchId = `${control.id}-search`;
  return (
    <div className="time-zone-picker">
      <input
        id={searchId}
        type="search"
        aria-label="Search time zones"
        aria-controls={control.id}
        placeholder="Search: city, region or UTC offset"
        autoComplete="off"
        value={query}
        onChange={(event) => {
          const next = event.target.value;
          setQuery(next);
          // A search that names one zone picks it: typing "Kolkata" is choosing Kolkata.
          const named = next.trim() ? zoneNamedBy(catalog, next) : null;
          if (named) onChange(named.id);
        }}
      />
      <select {...control} name={name} value={value} onChange={(event) => onChange(event.target.value)} onBlur={onBlur}>
        {shown.map((choice) => (
          <option key={choice.id} value={choice.id}>
            {choice.id.replace(/_/g, ' ')} ({choice.offset})
          </option>
        ))}
      </select>
      <span className="sr-only" aria-live="polite">
        {query.trim() ? `${found.length} time ${found.length === 1 ? 'zone matches' : 'zones match'}` : ''}
      </span>
    </div>
  );
}
