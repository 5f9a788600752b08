#!/usr/bin/env bash
# Regenerates the PDF, DOCX and text fixtures from their sources with real tools.
# Needs (Debian): pandoc texlive-xetex fonts-lmodern texlive-fonts-recommended libreoffice-writer-nogui chromium
# The outputs are committed, so neither CI nor users need these tools.
set -euo pipefail
cd "$(dirname "$0")/../fixtures"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1700000000   # reproducible PDF dates

# A Markdown CV in three more formats: <name>.pdf, <name>.docx and <name>.word.pdf beside it.
formats() {
  local md=$1 base=${1%.md}
  # LaTeX PDF (pandoc's default template through xelatex; pdflatex where xelatex is not installed).
  pandoc "$md" -f markdown -o "$base.pdf" --pdf-engine="$(command -v xelatex >/dev/null && echo xelatex || echo pdflatex)" -V geometry:margin=2cm -V fontsize=10pt
  # Word document with pandoc's reference styles (Heading 1/2/3, lists).
  pandoc "$md" -f markdown -o "$base.docx"
  # The same document printed to PDF by LibreOffice (a "Word" PDF).
  soffice --headless --convert-to pdf --outdir "$tmp" "$base.docx" >/dev/null 2>&1
  mv "$tmp/$(basename "$base").pdf" "$base.word.pdf"
  # The same CV as a web page printed by Chromium (a "browser" PDF, as online CV builders, Google
  # Docs and JSON Resume themes make them): tagged, section titles in a column beside their content.
  pandoc "$md" -f markdown -t html5 -s --section-divs --css "$PWD/src/browser-cv.css" -M title=" " -o "$tmp/cv.html"
  browser_pdf "$tmp/cv.html" "$base.browser.pdf"
}

# Chromium printing an HTML page to PDF, as jsonresume themes and online builders do.
browser_pdf() {
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$2" "file://$(realpath "$1")" >/dev/null 2>&1
}

for md in cv/*.md layouts/skills-subheadings.md layouts/project-descriptions.md; do formats "$md"; done

# Plain-text exports of two CVs.
for name in sam-lee-python priya-patel-student; do
  pandoc "cv/$name.md" -f markdown -t plain -o "cv/$name.txt"
done

# Hand-made LaTeX layouts.
for tex in src/classic.tex src/two-column.tex src/date-column.tex src/moderncv.tex src/europass.tex; do
  name=$(basename "${tex%.tex}")
  (cd "$tmp" && xelatex -interaction=nonstopmode -halt-on-error "$OLDPWD/$tex" >/dev/null)
  cp "$tmp/$name.pdf" "layouts/$name.pdf"
done

# pdflatex without glyphtounicode (most LaTeX CVs): bullets without a Unicode mapping.
(cd "$tmp" && FORCE_SOURCE_DATE=1 pdflatex -interaction=nonstopmode -halt-on-error "$OLDPWD/src/pdflatex-itemize.tex" >/dev/null)
cp "$tmp/pdflatex-itemize.pdf" layouts/pdflatex-itemize.pdf
(cd "$tmp" && FORCE_SOURCE_DATE=1 pdflatex -interaction=nonstopmode -halt-on-error "$OLDPWD/src/header-links-right.tex" >/dev/null)
cp "$tmp/header-links-right.pdf" layouts/header-links-right.pdf

# A Word document without heading styles: bold paragraphs as headings, a layout table.
soffice --headless --convert-to 'docx:MS Word 2007 XML' --outdir "$tmp" src/word-nostyles.html >/dev/null 2>&1
cp "$tmp/word-nostyles.docx" layouts/word-nostyles.docx
soffice --headless --convert-to pdf --outdir "$tmp" layouts/word-nostyles.docx >/dev/null 2>&1
cp "$tmp/word-nostyles.pdf" layouts/word-nostyles.pdf


# A Word document with bold Title Case headings in body size, "•"-separated skills, icon glyphs.
soffice --headless --convert-to 'docx:MS Word 2007 XML' --outdir "$tmp" src/word-bold-headings.html >/dev/null 2>&1
cp "$tmp/word-bold-headings.docx" layouts/word-bold-headings.docx
soffice --headless --convert-to pdf --outdir "$tmp" layouts/word-bold-headings.docx >/dev/null 2>&1
cp "$tmp/word-bold-headings.pdf" layouts/word-bold-headings.pdf

# A CV laid out as a table (Europass in Word): titles, dates and labels in the left cells.
soffice --headless --convert-to 'docx:MS Word 2007 XML' --outdir "$tmp" src/word-label-table.html >/dev/null 2>&1
cp "$tmp/word-label-table.docx" layouts/word-label-table.docx
soffice --headless --convert-to pdf --outdir "$tmp" layouts/word-label-table.docx >/dev/null 2>&1
cp "$tmp/word-label-table.pdf" layouts/word-label-table.pdf

# Icons from an icon font (Font Awesome 5 through XeTeX: odd letters in the text layer).
(cd "$tmp" && xelatex -interaction=nonstopmode -halt-on-error "$OLDPWD/src/icon-font.tex" >/dev/null)
cp "$tmp/icon-font.pdf" layouts/icon-font.pdf
# Section titles beside their content: a left column of titles, a larger title in a table's first
# row (and pdfTeX's accents), a title in capitals glued to a group label (pdflatex).
for name in title-beside title-glued title-glued-caps; do
  (cd "$tmp" && FORCE_SOURCE_DATE=1 pdflatex -interaction=nonstopmode -halt-on-error "$OLDPWD/src/$name.tex" >/dev/null)
  cp "$tmp/$name.pdf" "layouts/$name.pdf"
done

# Web pages printed by Chromium as JSON Resume themes print them: a sidebar with keyword chips,
# employers set as large as section titles; letter-spaced titles, a title beside its content;
# skill groups named after technologies with no "Skills" heading above them; a two-column skills
# grid whose row a page break cuts (the spacer's height in its HTML sets where the break falls);
# a theme that escapes the HTML in its texts, so the tags print as text (browser-printed-tags);
# a label the stylesheet writes before each entry's keywords ("Skills: "), outside the tagged tree (browser-entry-labels);
# a sidebar's keyword that holds a section word, wrapped onto a row of its own (browser-chip-wrap).
# entry titles set larger than the body, "Degree at School" holding a section word (browser-entry-titles).
for name in browser-sidebar browser-columns browser-skill-groups browser-skill-grid browser-printed-tags browser-entry-labels browser-chip-wrap browser-entry-titles; do browser_pdf "src/$name.html" "layouts/$name.pdf"; done

# A README CV in raw HTML, and the page a browser prints of it (GFM as the code host reads it).
pandoc layouts/html-cv.md -f gfm -t html5 -s --css "$PWD/src/readme-page.css" -M title=" " -o "$tmp/html-cv.html"
browser_pdf "$tmp/html-cv.html" layouts/html-cv.browser.pdf

# Job postings in other formats (the Markdown stays the labelled source).
(cd jobs && pandoc nodeworks-fullstack.md -o nodeworks-fullstack.pdf --pdf-engine=xelatex -V geometry:margin=2cm && pandoc telco-elixir.md -o telco-elixir.docx)
echo "fixtures regenerated"
