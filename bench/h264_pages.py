"""Writes the pages the H.264 benchmark shows in Chromium (issue #17): a long article with pictures, the same\nwithout them, and a small
animation. Usage: python3 bench/h264_pages.py OUT_DIR (pictures and the clip are made by ffmpeg beforehand)."""
import random
import sys
from pathlib import Path

out = Path(sys.argv[1])
words = ("the school village uplink student teacher desktop browser window scroll page reading lesson number "
         "river mountain garden history science language picture example question answer morning afternoon "
         "because although through between another important different children together several").split()
rng = random.Random(17)


def paragraph():
    sentences = []
    for _ in range(rng.randint(3, 6)):
        s = " ".join(rng.choice(words) for _ in range(rng.randint(8, 18)))
        sentences.append(s[0].upper() + s[1:] + ".")
    return " ".join(sentences)


parts = ["<!doctype html><meta charset=utf-8><title>Article</title><style>body{font:16px/1.5 sans-serif;"
         "margin:24px 60px;max-width:900px;color:#222}h2{color:#124}img{display:block;margin:12px 0}</style>"]
for section in range(60):
    parts.append(f"<h2>Section {section + 1}: {' '.join(rng.choice(words) for _ in range(4))}</h2>")
    for _ in range(4):
        parts.append(f"<p>{paragraph()}</p>")
    if section % 3 == 1:
        parts.append(f"<img src=picture{section % 3 + section // 3 % 3}.jpg width=600 height=338>")
(out / "scroll.html").write_text("\n".join(parts))
(out / "text.html").write_text("\n".join(p for p in parts if not p.startswith("<img")))

(out / "anim.html").write_text(
    "<!doctype html><meta charset=utf-8><title>Clip</title><style>body{margin:0;font:16px sans-serif}"
    "video{position:absolute;left:40px;top:40px;width:480px;height:270px}p{position:absolute;left:560px;top:40px;"
    "width:700px}</style><video src=anim.webm autoplay loop muted></video>"
    f"<p>{paragraph()}</p>")
