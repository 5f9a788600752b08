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
# A PDF whose only page is an image (a scan): no text layer.
img = b"\x80" * (2 * 2)
objs = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
]
content = b"q 500 0 0 700 47 70 cm /Im1 Do Q"
objs.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
objs.append(b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length %d >>\nstream\n" % len(img) + img + b"\nendstream")
pdf = b"%PDF-1.4\n"
offsets = []
for i, o in enumerate(objs, 1):
    offsets.append(len(pdf))
    pdf += b"%d 0 obj\n" % i + o + b"\nendobj\n"
xref = len(pdf)
pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % off for off in offsets)
pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
open(f"{out}/scanned.pdf", "wb").write(pdf)
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

qpdf --empty --pages cv/sam-lee-python.pdf bad/scanned.pdf -- layouts/half-scanned.pdf
echo "bad fixtures regenerated"
