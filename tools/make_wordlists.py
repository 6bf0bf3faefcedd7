"""Regenerate data/english_common.txt from wordfreq (dev-time only: `pip install wordfreq`)."""

from pathlib import Path

from wordfreq import top_n_list

out = Path(__file__).resolve().parents[1] / "src/aigraph/extraction/data/english_common.txt"
words = [w for w in top_n_list("en", 30000) if w.isascii() and w.isalpha()]
out.write_text(
    "# the 30,000 most frequent English words (wordfreq, CC BY-SA 4.0): Latin words here need a cue to be a name\n"
    + "\n".join(sorted(set(words))) + "\n",
    encoding="utf-8",
)
print(out, len(words))
