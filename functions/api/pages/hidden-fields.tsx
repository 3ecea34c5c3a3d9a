/** Fields a page carries through a form post unseen (the kiosk's answer code). */
export function HiddenFields(props: { fields?: Record<string, string> }) {
  return (
    <>
      {Object.entries(props.fields ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
    </>
  );
}
