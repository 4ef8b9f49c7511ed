#!/usr/bin/env python3
"""Refreshes the demo output blocks of docs/tutorial.md (run from the repository root
after `swift build`):  python3 scripts/update-tutorial-output.py

Each `<!-- output: demos/NN-topic.subpix -->` marker is followed by a ```text block;
the block is replaced with what `subpix run` prints for that demo. DemoTests fails
when a block no longer matches.
"""
import pathlib, re, subprocess

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
