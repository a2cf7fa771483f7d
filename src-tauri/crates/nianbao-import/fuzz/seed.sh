#!/bin/sh
# Seed corpora from the crate's own invented fixtures (never from ../shared/corpus).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$here/corpus/import_text" "$here/corpus/import_html" "$here/corpus/import_docx"
cp "$here/../tests/fixtures/portal_page.html" "$here/corpus/import_html/portal_page.html"
printf '示例县2024年法治政府建设情况报告\r\n一、主要举措\r\n全年受理行政复议案件58件。\r\n' > "$here/corpus/import_text/crlf.txt"
python3 - "$here/corpus" <<'PY'
import sys, zipfile, io
root = sys.argv[1]
text = "示例县2024年法治政府建设情况报告\n一、主要举措\n全年受理行政复议案件58件，行政机关负责人出庭应诉率100%。\n"
open(f"{root}/import_text/gbk.txt", "wb").write(text.encode("gbk"))
open(f"{root}/import_text/utf16.txt", "wb").write(b"\xff\xfe" + text.encode("utf-16-le"))
w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
paras = "".join(f'<w:p><w:pPr><w:pStyle w:val="1"/></w:pPr><w:r><w:t>{l}</w:t><w:tab/></w:r></w:p>' for l in text.splitlines())
table = '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>58</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
doc = f'<?xml version="1.0" encoding="UTF-8"?><w:document {w}><w:body>{paras}{table}</w:body></w:document>'
styles = f'<w:styles {w}><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style></w:styles>'
rels = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
for name, method in (("deflated.docx", zipfile.ZIP_DEFLATED), ("stored.docx", zipfile.ZIP_STORED)):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as z:
        z.writestr("_rels/.rels", rels)
        z.writestr("word/document.xml", doc)
        z.writestr("word/styles.xml", styles)
    open(f"{root}/import_docx/{name}", "wb").write(buf.getvalue())
# Raw parts: inputs not starting with "PK" go straight to the XML readers.
numbering = f'<w:numbering {w}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
for name, xml in (("document.xml", doc), ("styles.xml", styles), ("numbering.xml", numbering), ("rels.xml", rels)):
    open(f"{root}/import_docx/{name}", "w", encoding="utf-8").write(xml)
PY
echo "seeded $here/corpus"
# PDF, .doc and spreadsheet seeds: invented text through LibreOffice when it is installed.
mkdir -p "$here/corpus/import_pdf" "$here/corpus/import_doc" "$here/corpus/import_sheet"
printf '指标,上年,本年\n行政复议案件,120,142\n' > "$here/corpus/import_sheet/table.csv"
if command -v soffice >/dev/null 2>&1; then
    tmp=$(mktemp -d)
    printf '示例县2024年法治政府建设情况报告\n一、主要举措\n全年受理行政复议案件58件。\n' > "$tmp/seed.txt"
    soffice -env:UserInstallation="file://$tmp/lo" --headless --convert-to pdf --outdir "$tmp" "$tmp/seed.txt" >/dev/null 2>&1 || true
    soffice -env:UserInstallation="file://$tmp/lo" --headless --convert-to 'doc:MS Word 97' --outdir "$tmp" "$tmp/seed.txt" >/dev/null 2>&1 || true
    soffice -env:UserInstallation="file://$tmp/lo" --headless --convert-to xlsx --outdir "$tmp" "$here/corpus/import_sheet/table.csv" >/dev/null 2>&1 || true
    cp "$tmp/seed.pdf" "$here/corpus/import_pdf/" 2>/dev/null || true
    cp "$tmp/seed.doc" "$here/corpus/import_doc/" 2>/dev/null || true
    cp "$tmp/table.xlsx" "$here/corpus/import_sheet/" 2>/dev/null || true
    rm -rf "$tmp"
fi
