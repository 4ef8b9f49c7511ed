#!/usr/bin/env python3
"""Refreshes the output the docs show (run from the repository root after
`swift build`):  python3 scripts/update-tutorial-output.py

- docs/tutorial.md: each `<!-- output: demos/01-hard-argmax.subpix -->` marker is
  followed by a ```text block, replaced with what `subpix run` prints for that demo
  (DemoTests fails when a block no longer matches).
- docs/*.md: a ```text block right after a ```subpix block is replaced with what that
  block prints, run with `subpix run --quiet -` in a scratch directory that sees
  demos/ (DocsScriptTests fails when one no longer matches). docs/repl.md is generated:
  its examples live in Sources/SubpixSession/Show/ReferenceMarkdown.swift.
"""
import pathlib, re, subprocess, tempfile

root = pathlib.Path(__file__).resolve().parent.parent
binary = root / ".build/debug/subpix"
tutorial = root / "docs/tutorial.md"
text = tutorial.read_text()

def refresh(match):
    demo = match.group(1)
    output = subprocess.run([str(binary), "run", demo], cwd=root, capture_output=True, text=True, check=True).stdout
    return f"<!-- output: {demo} -->\n```text\n{output}```"

tutorial.write_text(re.sub(r"<!-- output: (\S+) -->\n```text\n.*?```", refresh, text, flags=re.S))
print("updated", tutorial.relative_to(root))

scratch = pathlib.Path(tempfile.mkdtemp(prefix="subpix-docs-"))
(scratch / "demos").symlink_to(root / "demos")

def rerun(match):
    script, gap = match.group(1), match.group(2)
    output = subprocess.run([str(binary), "run", "--quiet", "-"], input=script, cwd=scratch, capture_output=True, text=True, check=True).stdout
    return f"```subpix\n{script}```\n{gap}```text\n{output}```"

for document in sorted((root / "docs").glob("*.md")):
    if document.name == "repl.md":
        continue
    text = document.read_text()
    updated = re.sub(r"```subpix\n((?:(?!```).)*)```\n(\n?)```text\n.*?```", rerun, text, flags=re.S)
    if updated != text:
        document.write_text(updated)
        print("updated", document.relative_to(root))
