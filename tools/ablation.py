"""Development-set score with the dev set's obscure entities removed from the lexicon.

The packaged lexicon knows every entity of the development set, so its score there says little about
names no lexicon lists. This drops the development set's lesser-known companies, people, products and
models from a copy of the lexicon and scores again: what the name patterns find on their own.

    .venv/bin/python tools/ablation.py [GOLD] [--keep-lexicon]
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from aigraph.extraction.lexicon import data_dir
from aigraph.folding import norm

OBSCURE = """11x AdsGency Astera_Labs Bolt.new Cognition_AI Consensus Cosine DayDream Decagon EvenUp Flashintel G2
GigaML Glean Harvey HeyGen OpenEvidence Pantheon_AI Para Proactive_AI Ramp Sameday SemiAnalysis ServiceTitan
Sierra Vertiv Xaira_Therapeutics You.com 思特奇 来觅PEVC 硅兔赛跑 Two_Sigma UpHonest_Capital Forerunner_Ventures
Aidan_Gomez Aravind_Srinivas Bret_Taylor Daniel_Gross David_Baker Denis_Yarats Jess_Lee Kevin_Weil Michael_Seibel
Nat_Friedman Rex_Woodbury Urs_Hölzle Yam_Peleg 李海丹 顾程来 魏德龄 AgentGen ContextRouter MAVEx
Memory_Provenance SafeMemory Encore FlashRev Genie Glean_Assistant Wanderboat Shopify_Sidekick Holoscan Tasks
Colossus 斯坦福小镇 GroqCloud 九思大模型 元景2.0 星火代码7B RFdiffusion CUA s1""".split()


def main() -> None:
    root = Path(__file__).resolve().parents[1]
    gold = sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("-") else str(root.parent / "shared/eval/gold_seeds_a.jsonl")
    drop = {norm(n.replace("_", " ")) for n in OBSCURE}
    with tempfile.TemporaryDirectory() as tmp:
        lex = Path(tmp) / "lexicon"
        lex.mkdir()
        removed = 0
        for f in data_dir().glob("*.jsonl"):
            keep = []
            for line in f.read_text("utf-8").splitlines():
                if line.strip() and norm(json.loads(line)["name"]) in drop:
                    removed += 1
                    continue
                keep.append(line)
            (lex / f.name).write_text("\n".join(keep) + "\n", encoding="utf-8")
        src = Path(tmp) / "in.jsonl"
        src.write_text("".join(json.dumps({"doc": r["doc"], "sent": r["sent"]}, ensure_ascii=False) + "\n"
                               for r in map(json.loads, open(gold, encoding="utf-8"))), encoding="utf-8")
        out = Path(tmp) / "out.jsonl"
        code = ("import sys; from aigraph.extract import *; "
                "s = read_jsonl_sentences(sys.argv[1]); "
                "write_jsonl((analysis_record(a) for a in analyse(build_nlp(sys.argv[3]), s)), sys.argv[2])")
        subprocess.run([sys.executable, "-c", code, str(src), str(out), str(lex)], check=True)
        print(f"removed {removed} lexicon entries")
        subprocess.run([sys.executable, str(root.parent / "shared/eval/score.py"), gold, str(out),
                        "--entities", str(root.parent / "shared/eval/entities_a.jsonl")], check=True)
        if "--keep" in sys.argv:
            Path("/tmp/ablation_out.jsonl").write_bytes(out.read_bytes())


if __name__ == "__main__":
    main()
