// Hostile inputs made from scratch, in the shapes that broke cvlint (issue 24): long lines of one
// character class, huge counts of items, rows, runs and bullets, deep nesting, zip and flate
// bombs, zip directories that lie. Nothing here comes from a real CV. Each shape is a function of
// a target size in bytes, so that the same shape serves the hostile-input test (built at test
// time, in a temporary folder), the linear-time benchmark (bench/linear.js: 10 KB, 100 KB, 1 MB)
// and the fuzzer's structural generators (bench/fuzz-core.js).
import { constants, crc32 as zcrc32, deflateRawSync, deflateSync } from "node:zlib";

const te = new TextEncoder();
const enc = (s) => te.encode(s);
/** `unit` repeated to about `n` bytes. */
const rep = (unit, n) => unit.repeat(Math.max(1, Math.floor(n / unit.length)));
const cv = (skills) => `# Dana Example\n\nBackend developer.\n\n## Skills\n\n${skills}\n\n## Experience\n\n- Built services in Java\n`;

// ---------------------------------------------------------------------------------------------
// Zip (DOCX) writer: entries deflated (or stored), with the central directory free to lie.

/**
 * `total` bytes of `byte`, deflated without holding them: one sync-flushed block of 1 MB repeated
 * (each block starts without history, so the pieces chain into one valid raw deflate stream).
 */
export function deflatedRun(byte, total) {
  const mb = Math.max(1, Math.round(total / (1 << 20)));
  const chunk = Buffer.alloc(1 << 20, byte);
  const piece = deflateRawSync(chunk, { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  let crc = 0;
  for (let k = 0; k < mb; k++) crc = zcrc32(chunk, crc);
  const body = Buffer.concat([...Array.from({ length: mb }, () => piece), deflateRawSync(Buffer.alloc(0))]);
  return { body, crc, size: mb << 20 };
}

/**
 * A zip of `entries` ([{ name, data, store? }]). `lie` changes what the central directory says:
 * { size: n } declares every uncompressed size as n; { count: n } writes n as the end record's
 * entry count; { prepend: bytes } puts bytes before the archive (offsets not adjusted, as a
 * self-extractor's stub would leave them).
 */
export function zip(entries, lie = {}) {
  const parts = [];
  const central = [];
  let offset = 0;
  for (const e of entries) {
    const data = e.deflated ? null : typeof e.data === "string" ? enc(e.data) : e.data;
    const body = e.deflated ? e.deflated.body : e.store ? data : deflateRawSync(data, { level: 9 });
    const name = enc(e.name);
    const crc = e.deflated ? e.deflated.crc : zcrc32(data);
    const declared = lie.size ?? (e.deflated ? e.deflated.size : data.length);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.store ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, body);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(e.store ? 0 : 8, 10);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(body.length, 20);
    cd.writeUInt32LE(declared, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, name);
    offset += 30 + name.length + body.length;
  }
  const cdBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(lie.count ?? entries.length, 8);
  end.writeUInt16LE(lie.count ?? entries.length, 10);
  end.writeUInt32LE(cdBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...(lie.prepend ? [Buffer.from(lie.prepend)] : []), ...parts, cdBytes, end]));
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
/** A DOCX whose body is `body` (WordprocessingML), packed as Word packs it. */
export function docx(body, lie = {}, extra = []) {
  return zip(
    [
      { name: "[Content_Types].xml", data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>' },
      { name: "_rels/.rels", data: '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>' },
      { name: "word/document.xml", data: typeof body === "string" ? `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>` : body },
      ...extra,
    ],
    lie,
  );
}
const para = (text) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const docxCv = (skillsXml) => `${para("Dana Example")}${para("Skills")}${skillsXml}${para("Experience")}${para("Built services in Java")}`;

/**
 * What Word writes for a password-protected .docx: not a zip but an OLE compound file holding the
 * streams "EncryptionInfo" and "EncryptedPackage" (the zip, encrypted). Written here, sector by
 * sector (LibreOffice 7.4 does not encrypt OOXML from a headless macro, and Debian's
 * msoffcrypto-tool 5.0 only decrypts); the package bytes are noise, as encrypted bytes look.
 */
export function encryptedDocx() {
  const SECT = 512;
  const streams = [
    ["EncryptionInfo", 4096],
    ["EncryptedPackage", 8192],
  ];
  const dataSectors = streams.map(([, size]) => size / SECT);
  const total = 2 + dataSectors.reduce((a, b) => a + b, 0);
  const out = Buffer.alloc(SECT * (1 + total));
  const header = out.subarray(0, SECT);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 24);
  header.writeUInt16LE(3, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  header.writeUInt16LE(6, 32);
  header.writeUInt32LE(1, 44); // FAT sectors
  header.writeUInt32LE(1, 48); // first directory sector
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(0xfffffffe, 60);
  header.writeUInt32LE(0xfffffffe, 68);
  for (let i = 76; i < SECT; i += 4) header.writeUInt32LE(0xffffffff, i);
  header.writeUInt32LE(0, 76); // the FAT is sector 0
  const sector = (n) => out.subarray(SECT * (1 + n), SECT * (2 + n));
  const fat = sector(0);
  for (let i = 0; i < SECT; i += 4) fat.writeUInt32LE(0xffffffff, i);
  fat.writeUInt32LE(0xfffffffd, 0);
  fat.writeUInt32LE(0xfffffffe, 4);
  let next = 2;
  const starts = [];
  for (const n of dataSectors) {
    starts.push(next);
    for (let k = 0; k < n; k++) fat.writeUInt32LE(k === n - 1 ? 0xfffffffe : next + k + 1, 4 * (next + k));
    next += n;
  }
  const dir = sector(1);
  const entry = (i, name, type, start, size, child = 0xffffffff, right = 0xffffffff) => {
    const e = dir.subarray(128 * i, 128 * (i + 1));
    const n = Buffer.from(`${name}\0`, "utf16le");
    n.copy(e, 0);
    e.writeUInt16LE(n.length, 64);
    e[66] = type;
    e[67] = 1;
    e.writeUInt32LE(0xffffffff, 68);
    e.writeUInt32LE(right, 72);
    e.writeUInt32LE(child, 76);
    e.writeUInt32LE(start, 116);
    e.writeUInt32LE(size, 120);
  };
  entry(0, "Root Entry", 5, 0xfffffffe, 0, 1);
  entry(1, streams[0][0], 2, starts[0], streams[0][1], 0xffffffff, 2);
  entry(2, streams[1][0], 2, starts[1], streams[1][1]);
  for (let i = SECT * 3; i < out.length; i++) out[i] = (i * 131 + 7) & 0xff;
  return new Uint8Array(out);
}

// ---------------------------------------------------------------------------------------------
// PDF writer: objects in order, a correct xref.

export function pdf(objs) {
  const chunks = [Buffer.from("%PDF-1.5\n")];
  let len = chunks[0].length;
  const offs = [];
  objs.forEach((o, i) => {
    offs.push(len);
    const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.from(o), Buffer.from("\nendobj\n")]);
    chunks.push(b);
    len += b.length;
  });
  const xref = `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offs.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${len}\n%%EOF\n`;
  chunks.push(Buffer.from(xref));
  return new Uint8Array(Buffer.concat(chunks));
}
const stream = (dict, data) => Buffer.concat([Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`), Buffer.from(data), Buffer.from("\nendstream")]);
/** A one-page PDF whose content stream is `content` (raw, or deflated when `flate`). */
function pdfPage(content, { flate = false, annots = "", extraObjs = [] } = {}) {
  const data = flate ? deflateSync(content, { level: 9 }) : Buffer.from(content);
  return pdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R ${annots} >>`,
    stream(flate ? "/Filter /FlateDecode" : "", data),
    ...extraObjs,
  ]);
}
/** A page with a CV's first lines, and a second content stream of `total` spaces, deflated (a flate bomb). */
function pdfBomb(total) {
  const run = deflatedRun(32, total);
  const zlibBody = Buffer.concat([Buffer.from([0x78, 0xda]), run.body, Buffer.alloc(4)]);
  return pdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents [5 0 R 6 0 R] >>",
    stream("", pdfText(["Dana Example", "Skills", "Java, Python"])),
    stream("/Filter /FlateDecode", zlibBody),
  ]);
}
/** A one-page PDF form whose only text is in its filled-in text fields (nothing drawn on the page). */
export function formOnlyPdf() {
  const fields = ["Dana Example", "Skills: Java, Kafka, PostgreSQL", "Experience: built payment services in Java"];
  const widgets = fields.map((v, i) => `<< /Type /Annot /Subtype /Widget /FT /Tx /T (field${i}) /V (${v}) /Rect [50 ${700 - 30 * i} 500 ${720 - 30 * i}] /P 4 0 R /F 4 /DA (/Helv 10 Tf 0 g) >>`);
  return pdf([
    `<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [${fields.map((_, i) => `${6 + i} 0 R`).join(" ")}] >> >>`,
    "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R /Annots [${fields.map((_, i) => `${6 + i} 0 R`).join(" ")}] >>`,
    stream("", "q Q"),
    ...widgets,
  ]);
}
const pdfText = (lines) => lines.map((t, i) => `BT /F1 10 Tf 50 ${800 - (i % 70) * 11} Td (${t}) Tj ET\n`).join("");

// ---------------------------------------------------------------------------------------------
// The shapes. `cause` is the issue's numbering; `n` is the target size in bytes. `big` marks
// shapes whose bytes are far smaller than what they unpack to (sizes there are of the packed file).

export const SHAPES = [
  // 1. Long lines and many items (quadratic time).
  { name: "url-then-commas", cause: 1, ext: "md", make: (n) => enc(cv(`Java, https://example.com/${rep(",", n)}`)) },
  { name: "email-like-run", cause: 1, ext: "md", make: (n) => enc(cv(`Contact: ${rep("a.", n)}a`)) },
  { name: "email-at-run", cause: 1, ext: "txt", make: (n) => enc(cv(`Contact: ${rep("a@a.", n)}a`)) },
  { name: "long-path", cause: 1, ext: "md", make: (n) => enc(cv(`Java, ${rep("/a", n)}`)) },
  { name: "hyphenated-domain", cause: 1, ext: "md", make: (n) => enc(cv(`Java, ${rep("a-", n)}a.com`)) },
  // (Found by the fuzzer: a run that fails near its end, with a domain later on the line.)
  { name: "hyphen-run-broken", cause: 1, ext: "md", make: (n) => enc(cv(`Java, ${rep("a-", n)}a**-a.com`)) },
  { name: "dotted-run-broken", cause: 1, ext: "md", make: (n) => enc(cv(`Java, ${rep("a.", n)}comx, see x.com`)) },
  { name: "spaces-before-word", cause: 1, ext: "md", make: (n) => enc(cv(`- Java${rep(" ", n)}Python`)) },
  { name: "spaces-text", cause: 1, ext: "txt", make: (n) => enc(cv(`Java${rep(" ", n)}x`)) },
  { name: "comment-openers", cause: 1, ext: "md", make: (n) => enc(cv(rep("<!--", n))) },
  { name: "open-parens-item", cause: 1, ext: "md", make: (n) => enc(cv(`- Java (${rep("(", n)}`)) },
  { name: "open-brackets", cause: 1, ext: "md", make: (n) => enc(cv(`Java ${rep("[a](", n)}`)) },
  { name: "emphasis-run", cause: 1, ext: "md", make: (n) => enc(cv(`Java ${rep("*a_", n)}`)) },
  { name: "backtick-run", cause: 1, ext: "md", make: (n) => enc(cv(`Java ${rep("`a``", n)}`)) },
  { name: "entities", cause: 1, ext: "md", make: (n) => enc(cv(`Java ${rep("&#65;&amp;", n)}`)) },
  { name: "repeated-skills-line", cause: 1, ext: "md", make: (n) => enc(cv(rep("Java, Python, Go, PostgreSQL, ", n))) },
  { name: "repeated-list-elsewhere", cause: 1, ext: "md", make: (n) => enc(cv(`Java, Python, Go, PostgreSQL\n\n${rep("Java, Python, Go, PostgreSQL, ", n)}`)) },
  { name: "many-skill-items", cause: 1, ext: "md", make: (n) => enc(cv(rep("- Java\n- Kafka\n- Docker\n", n))) },
  { name: "many-unknown-items", cause: 1, ext: "md", make: (n) => enc(cv(Array.from({ length: Math.max(1, Math.floor(n / 12)) }, (_, i) => `- Zq${i.toString(36)}x\n`).join(""))) },
  // (Unknown names of the skills list looked for on every line of experience: the two counts multiplied.)
  { name: "unknown-named-elsewhere", cause: 1, ext: "md", make: (n) => { const k = Math.max(1, Math.floor(n / 40)); return enc(`# Dana Example\n\n## Skills\n\n${Array.from({ length: k }, (_, i) => `- Zq${i.toString(36)}x\n`).join("")}\n## Experience\n\n${Array.from({ length: k }, (_, i) => `- Ran Zq${i.toString(36)}x in production\n`).join("")}`); } },
  { name: "many-labels", cause: 1, ext: "txt", make: (n) => enc(cv(Array.from({ length: Math.max(1, Math.floor(n / 24)) }, (_, i) => `Group${i}: Java, Go\n`).join(""))) },
  { name: "many-headings", cause: 1, ext: "md", make: (n) => enc(rep("## Skills\n\nJava\n\n", n)) },
  { name: "many-bullets-experience", cause: 1, ext: "md", make: (n) => enc(`# Dana\n\n## Experience\n\n${rep("- Responsible for Java services\n", n)}`) },
  { name: "one-long-word", cause: 1, ext: "txt", make: (n) => enc(cv(rep("a", n))) },
  { name: "digits-run", cause: 1, ext: "md", make: (n) => enc(cv(`Java ${rep("1.", n)}`)) },
  { name: "dash-run", cause: 1, ext: "txt", make: (n) => enc(cv(`Java ${rep("- ", n)}`)) },
  { name: "table-pipes", cause: 1, ext: "md", make: (n) => enc(cv(`| a |\n|---|\n| ${rep("a|", n)} |`)) },
  { name: "nested-quotes-line", cause: 1, ext: "md", make: (n) => enc(cv(rep("> ", Math.min(n, 40)) + "- Java")) },
  { name: "json-resume-keywords", cause: 1, ext: "json", make: (n) => enc(JSON.stringify({ basics: { name: "Dana" }, skills: [{ name: "Backend", keywords: Array.from({ length: Math.max(1, Math.floor(n / 8)) }, () => "Java") }] })) },
  // 2. Very large arrays (stack overflow when spread into a call).
  { name: "code-block-lines", cause: 2, ext: "md", make: (n) => enc(`\`\`\`\n${rep("Java\n", n)}\`\`\`\n`) },
  { name: "text-lines", cause: 2, ext: "txt", make: (n) => enc(rep("Java\n", n)) },
  { name: "pdf-many-lines", cause: 2, ext: "pdf", make: (n) => pdfPage(pdfText(Array.from({ length: Math.max(1, Math.floor(n / 40)) }, (_, i) => `Line ${i} Java`))) },
  // 3. Zip and XML bombs, lying directories, huge counts in DOCX and PDF.
  { name: "docx-runs", cause: 3, ext: "docx", big: true, make: (n) => docx(docxCv(`<w:p>${rep('<w:r><w:t xml:space="preserve">Java </w:t></w:r>', n * 60)}</w:p>`)) },
  { name: "docx-nesting", cause: 3, ext: "docx", big: true, make: (n) => docx(docxCv(`${rep("<w:sdt><w:sdtContent>", n * 30)}${para("Java")}${rep("</w:sdtContent></w:sdt>", n * 30)}`)) },
  { name: "docx-bullets", cause: 3, ext: "docx", big: true, make: (n) => docx(docxCv(rep('<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Java</w:t></w:r></w:p>', n * 40))) },
  { name: "docx-table-rows", cause: 3, ext: "docx", big: true, make: (n) => docx(docxCv(`<w:tbl>${rep("<w:tr><w:tc><w:p><w:r><w:t>Java</w:t></w:r></w:p></w:tc></w:tr>", n * 30)}</w:tbl>`)) },
  { name: "docx-lying-sizes", cause: 3, ext: "docx", big: true, make: (n) => docx(docxCv(para("Java")), { size: 100 }, [{ name: "word/styles.xml", deflated: deflatedRun(32, n * 400) }]) },
  { name: "docx-lying-count", cause: 3, ext: "docx", big: true, make: (n) => docx(docxCv(para("Java")), { count: 1 }, [{ name: "word/media/pad.bin", deflated: deflatedRun(0, n * 400) }]) },
  { name: "docx-prepended", cause: 3, ext: "docx", big: true, make: (n) => docx(docxCv(para("Java")), { prepend: new Uint8Array(4096).fill(0x41) }, [{ name: "word/numbering.xml", deflated: deflatedRun(32, n * 400) }]) },
  { name: "docx-many-entries", cause: 3, ext: "docx", make: (n) => docx(docxCv(para("Java")), {}, Array.from({ length: Math.max(1, Math.floor(n / 60)) }, (_, i) => ({ name: `word/x${i}.xml`, data: "<a/>", store: true }))) },
  { name: "pdf-flate-bomb", cause: 3, ext: "pdf", big: true, make: (n) => pdfBomb(n * 400) },
  // 5. Line endings.
  { name: "bare-cr", cause: 5, ext: "md", make: (n) => enc(cv(rep("- Java\n- Postgres\n", n)).replace(/\n/g, "\r")) },
  { name: "mixed-endings", cause: 5, ext: "md", make: (n) => enc(cv(rep("- Java\r\n- Postgres\r- Go\n", n))) },
  { name: "line-separators", cause: 5, ext: "txt", make: (n) => enc(cv(rep("Java\u2028Postgres\u2029", n))) },
  // 6. Control characters and escape sequences.
  { name: "escape-sequences", cause: 6, ext: "md", make: (n) => enc(cv(rep("- Java and Kotlin services for the payments team\u001b[2J\u001b]0;owned\u0007 in \u009b8mhidden\u001b[0m Go\n", n))) },
];

export const shape = (name) => SHAPES.find((s) => s.name === name);

/** The size each shape is tried at in the hostile-input test and `npm run hostile`: the sizes that broke cvlint. */
export const HOSTILE_SIZE = {
  "code-block-lines": 1_000_000,
  "text-lines": 1_000_000,
  "pdf-many-lines": 6_000_000,
  "docx-runs": 230_000,
  "docx-nesting": 700_000,
  "docx-bullets": 1_100_000,
  "docx-table-rows": 315_000,
  "docx-lying-sizes": 2_600_000,
  "docx-lying-count": 2_600_000,
  "docx-prepended": 2_600_000,
  "docx-many-entries": 360_000,
  "pdf-flate-bomb": 2_600_000,
  "bare-cr": 20_000,
  "mixed-endings": 20_000,
  "line-separators": 20_000,
  "escape-sequences": 2_000,
  "nested-quotes-line": 100,
};
export const hostileSize = (s) => HOSTILE_SIZE[s.name] ?? 200_000;
