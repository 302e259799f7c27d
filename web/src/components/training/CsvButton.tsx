import { Button } from 'react-aria-components';

/** Saves a CSV built in the browser from what the API returned (the report has no CSV of its own). */
export function CsvButton({ csv, fileName, label }: { csv: string; fileName: string; label: string }) {
  const save = () => {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  };
  return (
    <p className="training-csv">
      <Button className="button" onPress={save}>{label}</Button> <span className="muted">{fileName}</span>
    </p>
  );
}
