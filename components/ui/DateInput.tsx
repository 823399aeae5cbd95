import type { InputHTMLAttributes } from "react";
import { isDateString, type DateString } from "../../lib/model/dates";

type DateInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "onChange"> & {
  /** Called with whole dates only: a date input reports "" while a date is half typed. */
  onDate: (date: DateString) => void;
};

/** A date field over a shared value that writes only complete dates. */
export function DateInput({ onDate, ...rest }: DateInputProps) {
  return <input {...rest} type="date" onChange={(e) => isDateString(e.target.value) && onDate(e.target.value)} />;
}
