/**
 * Step outputs in the `GITHUB_OUTPUT` file format. The multi-line form (`name<<DELIMITER`) is
 * used for every value, so a path with a newline cannot forge another output.
 */
export function formatOutputs(outputs: Record<string, string>, delimiter: string): string {
  return Object.entries(outputs)
    .map(([name, value]) => {
      if (value.includes(delimiter) || name.includes(delimiter)) {
        throw new Error(`output ${name} contains the delimiter; pick another delimiter`);
      }
      return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
    })
    .join('');
}
