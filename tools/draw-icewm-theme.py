#!/usr/bin/env python3
"""Draws the pictures of Cloudroom's IceWM theme (src/main/resources/desktop/icewm/themes/cloudroom and
icewm/taskbar): the title bar buttons as XPM, antialiased by supersampling, and the start button in English and
Chinese with ImageMagick and Noto Sans CJK (fonts-noto-cjk). Run it again after changing a colour or size here."""
import math
import os
import subprocess

ROOT = os.path.join(os.path.dirname(__file__), "..", "src", "main", "resources", "desktop", "icewm")
THEME = os.path.join(ROOT, "themes", "cloudroom")
W, H = 46, 32          # a title button, as large as Windows 11's; TitleBarHeight in default.theme
GLYPH = 10             # the drawn symbol, in pixels square
SAMPLES = 4            # supersampling per axis

# background and symbol colour of each state: (normal, pressed) frames stacked, as IceWM reads them
STATES = {
    "A": (("#FFFFFF", "#1F1F1F"), ("#D6D6D6", "#1F1F1F")),
    "I": (("#F3F3F3", "#8A8A8A"), ("#D6D6D6", "#1F1F1F")),
    "O": (("#E5E5E5", "#1F1F1F"), ("#D6D6D6", "#1F1F1F")),
}
CLOSE_OVER = (("#C42B1C", "#FFFFFF"), ("#A52A1E", "#FFFFFF"))


def segment(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy or 1)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def shapes(kind):
    g, x0, y0 = GLYPH, (W - GLYPH) / 2, (H - GLYPH) / 2
    box = lambda x, y, s: [(x, y, x + s, y), (x + s, y, x + s, y + s), (x + s, y + s, x, y + s), (x, y + s, x, y)]
    if kind == "close":
        return [(x0, y0, x0 + g, y0 + g), (x0 + g, y0, x0, y0 + g)]
    if kind == "minimize":
        return [(x0, y0 + g / 2, x0 + g, y0 + g / 2)]
    if kind == "maximize":
        return box(x0, y0, g)
    if kind == "restore":
        s = g - 2
        return box(x0, y0 + 2, s) + [(x0 + 2, y0 + 2, x0 + 2, y0), (x0 + 2, y0, x0 + g, y0), (x0 + g, y0, x0 + g, y0 + s),
                                     (x0 + g, y0 + s, x0 + s, y0 + s)]
    raise ValueError(kind)


def coverage(kind, x, y):
    hits = 0
    for sy in range(SAMPLES):
        for sx in range(SAMPLES):
            px, py = x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES
            if any(segment(px, py, *s) <= 0.6 for s in shapes(kind)):
                hits += 1
    return hits / (SAMPLES * SAMPLES)


def mix(background, ink, a):
    b = [int(background[i:i + 2], 16) for i in (1, 3, 5)]
    f = [int(ink[i:i + 2], 16) for i in (1, 3, 5)]
    return "#%02X%02X%02X" % tuple(round(b[i] + (f[i] - b[i]) * a) for i in range(3))


def xpm(kind, frames):
    cover = [[coverage(kind, x, y) for x in range(W)] for y in range(H)]
    rows = []
    for background, ink in frames:
        rows += [[mix(background, ink, cover[y][x]) for x in range(W)] for y in range(H)]
    colours = sorted({c for row in rows for c in row})
    chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    code = {}
    for i, c in enumerate(colours):
        code[c] = chars[i % len(chars)] + chars[i // len(chars)]
    lines = ["/* XPM */", "static char *%s[] = {" % kind, '"%d %d %d 2",' % (W, len(rows), len(colours))]
    lines += ['"%s c %s",' % (code[c], c) for c in colours]
    lines += ['"%s",' % "".join(code[c] for c in row) for row in rows]
    lines[-1] = lines[-1].rstrip(",")
    return "\n".join(lines) + "};\n"


def start_button(label, name):
    font = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
    # a blue rounded button with four white squares (the programs) and the label, on the taskbar's colour
    subprocess.run(["convert", "-size", "104x40", "xc:#F3F3F3", "-fill", "#1A73E8",
                    "-draw", "roundrectangle 4,4 99,35 8,8", "-fill", "white",
                    "-draw", "rectangle 14,13 19,18", "-draw", "rectangle 22,13 27,18",
                    "-draw", "rectangle 14,21 19,26", "-draw", "rectangle 22,21 27,26",
                    "-font", font, "-pointsize", "15", "-gravity", "West", "-annotate", "+36+0", label,
                    "-strip", "-depth", "8", "PNG24:" + os.path.join(ROOT, "taskbar", name)], check=True)


os.makedirs(THEME, exist_ok=True)
os.makedirs(os.path.join(ROOT, "taskbar"), exist_ok=True)
for kind in ("close", "minimize", "maximize", "restore"):
    for state, frames in STATES.items():
        if kind == "close" and state == "O":
            frames = CLOSE_OVER
        with open(os.path.join(THEME, kind + state + ".xpm"), "w") as out:
            out.write(xpm(kind, frames))
start_button("Start", "start.png")
start_button("开始", "start.zh.png")
