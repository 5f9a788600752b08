#!/usr/bin/env bash
# Renders the team's job postings of fixtures/jobs into the formats companies publish them in,
# with real tools, so that posting extraction is measured on PDF and DOCX too (npm run
# bench:accuracy reads <name>.pdf, <name>.docx and <name>.word.pdf beside <name>.md):
#   <name>.pdf       pandoc's LaTeX template through xelatex (a careers page saved as PDF)
#   <name>.docx      pandoc's Word document (Heading styles, real lists and nested lists)
#   <name>.word.pdf  that DOCX printed to PDF by LibreOffice (a posting exported from Word)
# Needs (Debian): pandoc texlive-xetex fonts-lmodern texlive-fonts-recommended libreoffice-writer-nogui
# The outputs are committed, so neither CI nor users need these tools.
set -euo pipefail
cd "$(dirname "$0")/../fixtures/jobs"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1700000000   # reproducible PDF dates

for name in harbor-go-stack lumen-python-cues meridian-jvm-alternatives northwind-payments-domain quarry-shared-heads; do
  pandoc "$name.md" -f markdown -o "$name.pdf" --pdf-engine=xelatex -V geometry:margin=2cm -V fontsize=10pt
  pandoc "$name.md" -f markdown -o "$name.docx"
  soffice --headless --convert-to pdf --outdir "$tmp" "$name.docx" >/dev/null 2>&1
  mv "$tmp/$name.pdf" "$name.word.pdf"
done
