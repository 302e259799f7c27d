/** Collects SQL conditions; in each, `?` stands for the value appended to `params` with it. */
export function sqlConditions(params: unknown[], initial: string[] = []) {
  const list = [...initial];
  return {
    list,
    add(sql: string, value: unknown) {
      params.push(value);
      list.push(sql.replace('?', `$${params.length}`));
    },
  };
}
