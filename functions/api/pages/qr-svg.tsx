import qrcode from 'qrcode-generator';

/**
 * A QR code as inline SVG: one path of dark modules, so it prints sharp at any size and needs no image
 * request (the sheet is one self-contained file). Medium error correction survives a crease or a smudge.
 */
export function QrCode(props: { text: string; size: string }) {
  const qr = qrcode(0, 'M');
  qr.addData(props.text);
  qr.make();
  const count = qr.getModuleCount();
  let d = '';
  for (let row = 0; row < count; row++)
    for (let col = 0; col < count; col++) if (qr.isDark(row, col)) d += `M${col + 4} ${row + 4}h1v1h-1z`;
  const side = count + 8;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${side} ${side}`}
      width={props.size}
      height={props.size}
      shape-rendering="crispEdges"
      aria-hidden="true"
      focusable="false"
    >
      <rect width={side} height={side} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
