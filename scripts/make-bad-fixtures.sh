#!/usr/bin/env bash
# Regenerates fixtures/bad/: inputs cvlint must refuse with a clear error (exit code 2).
# Needs python3 and qpdf (Debian); the outputs are committed.
set -euo pipefail
cd "$(dirname "$0")/../fixtures"
out=bad
good_pdf=cv/jane-doe-java.pdf
good_docx=cv/jane-doe-java.docx

: > "$out/empty.md"
# An image with a CV's name.
python3 - "$out" <<'PY'
import sys, zlib, struct, zipfile, os
out = sys.argv[1]
def png(w, h):
    raw = b"".join(b"\x00" + b"\x80\x80\x80" * w for _ in range(h))
    def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
open(f"{out}/photo.png", "wb").write(png(4, 4))
# An image mislabelled as a Markdown CV.
open(f"{out}/image-as-resume.md", "wb").write(png(4, 4))
# A zip that is not a Word document.
with zipfile.ZipFile(f"{out}/archive.docx", "w") as z:
    z.writestr("resume.txt", "Jane Doe\nSkills: Java\n")
# Text that is not UTF-8 (Latin-1 bytes).
open(f"{out}/latin1.txt", "wb").write("Curriculum vitae\n\nCompétences: Java, Python, Développement\n".encode("latin-1"))
PY
# Truncated and damaged copies of real files.
head -c 900 "$good_pdf" > "$out/truncated.pdf"
head -c 4000 "$good_docx" > "$out/truncated.docx"
python3 - "$good_pdf" "$out/garbage-body.pdf" <<'PY'
import sys
data = bytearray(open(sys.argv[1], "rb").read())
# Keep the header, overwrite everything after it with noise: no xref, no objects.
for i in range(16, len(data)): data[i] = (i * 131 + 7) % 256
open(sys.argv[2], "wb").write(bytes(data))
PY
# An encrypted PDF that needs a password to open.
qpdf --encrypt secret owner 256 -- "$good_pdf" "$out/encrypted.pdf"


# Hostile inputs: each must end in a clear error or a correct result, within the limits.
python3 - "$out" "$good_pdf" "$good_docx" <<'PY'
import sys, random, zipfile, zlib
out, good_pdf, good_docx = sys.argv[1:4]
rnd = random.Random(20261121)
for src, name in ((good_pdf, "flipped.pdf"), (good_docx, "flipped.docx")):
    data = bytearray(open(src, "rb").read())
    for _ in range(40):
        i = rnd.randrange(len(data) // 10, len(data))
        data[i] ^= 1 << rnd.randrange(8)
    open(f"{out}/{name}", "wb").write(bytes(data))
# A zip bomb named .docx: word/document.xml unpacks to 150 MB.
with zipfile.ZipFile(f"{out}/bomb.docx", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    z.writestr("word/document.xml", b"<w:document>" + b" " * (150 * 1024 * 1024) + b"</w:document>")
def pdf(objs):
    body = b"%PDF-1.4\n"
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(body))
        body += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    x = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offs)
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
    return body
# A PDF whose only page is an image (a scan): no text layer.
img = b"\x80" * 4
content = b"q 500 0 0 700 47 70 cm /Im1 Do Q"
open(f"{out}/scanned.pdf", "wb").write(pdf([
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
    b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length %d >>\nstream\n" % len(img) + img + b"\nendstream",
]))
# 5,000 pages.
n = 5000
kids = b" ".join(b"%d 0 R" % (4 + i) for i in range(n))
objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
content_id = 4 + n
for i in range(n):
    objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % content_id)
stream = b"BT /F1 12 Tf 72 720 Td (Page of a very long document) Tj ET"
objs.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
open(f"{out}/many-pages.pdf", "wb").write(pdf(objs))
# One page with 20,000 text objects.
ops = b"".join(b"BT /F1 6 Tf %d %d Td (w%d) Tj ET\n" % (20 + (i % 60) * 9, 20 + (i // 60) * 2, i) for i in range(20000))
objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>", b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(ops) + ops + b"\nendstream"]
open(f"{out}/many-objects.pdf", "wb").write(pdf(objs))
# Markdown lists nested 1,000 deep.
open(f"{out}/nested-lists.md", "w").write("# Deep\n\n## Skills\n\n" + "".join("  " * i + "- Java\n" for i in range(1000)))
# 10 MB of text on one line.
open(f"{out}/one-line.txt", "w").write("Java Python Go " * (10 * 1024 * 1024 // 15))
# NUL bytes inside a Markdown CV.
open(f"{out}/nul-bytes.md", "wb").write(b"# Jane\n\n## Skills\n\nJava\x00\x00, Go\n")
# UTF-8 with Latin-1 bytes mixed in.
open(f"{out}/mixed-encoding.md", "wb").write("# José\n\n## Skills\n\nJava, Python\n".encode("utf-8") + "Compétences: Go\n".encode("latin-1"))
PY
cp "$good_pdf" "$out/pdf-named.md"

qpdf --empty --pages cv/sam-lee-python.pdf bad/scanned.pdf -- layouts/half-scanned.pdf
echo "bad fixtures regenerated"
