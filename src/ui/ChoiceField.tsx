interface ChoiceFieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  choices: readonly string[];
  /** The first entry, which sets no filter ("Any", "All"). */
  anyLabel: string;
}

/** A labelled drop-down filter whose empty value means "no filter". */
export function ChoiceField({ label, name, value, onChange, choices, anyLabel }: ChoiceFieldProps) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <select name={name} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{anyLabel}</option>
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {choice}
          </option>
        ))}
      </select>
    </label>
  );
}
