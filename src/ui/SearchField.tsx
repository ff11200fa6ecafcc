interface SearchFieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  /** Names and free text get more room than identifiers. */
  wide?: boolean;
}

/** A labelled free-text filter: no autocomplete or spell check, which only get in the way of names and IDs. */
export function SearchField({ label, name, value, onChange, placeholder, wide }: SearchFieldProps) {
  return (
    <label className={wide ? 'field field--wide' : 'field'}>
      <span className="field__label">{label}</span>
      <input
        type="search"
        name={name}
        value={value}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => onChange(event.target.value)}
      />
    </label>
  );
}
