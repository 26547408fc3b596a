"""Prints the H.264 benchmark's table (issue #17) from what bench/h264.sh recorded in OUT_DIR.
Mbit/s: median and p95 over one-second windows; CPU: server side, ms per frame and per second of the workload
(Xvnc's less its CPU for the same workload with no client; ffmpeg's user+sys)."""
import statistics
import sys
from pathlib import Path

out = Path(sys.argv[1])


def fields(line):
    return dict(f.split("=", 1) for f in line.split())


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


print("| workload | encoding | rate asked | Mbit/s median | Mbit/s p95 | frames/s sent | CPU ms/frame | CPU ms/s |")
print("|---|---|---|---|---|---|---|---|")
baseline = {}
for line in (out / "tight.txt").read_text().splitlines():
    f = fields(line)
    if f["settings"] == "none":
        baseline[f["workload"]] = float(f["xvnc_cpu_ms"]) / float(f["seconds"])
        print(f"| {f['workload']} | (no client: Xvnc drawing only) | — | 0 | 0 | — | — | {baseline[f['workload']]:.0f} |")
        continue
    w, seconds = f["workload"], float(f["seconds"])
    bins = [0] * max(1, int(seconds))
    frames = 0
    for row in (out / f"tight-{w}-{f['settings']}-{f['rate']}.updates").read_text().splitlines():
        ms, size = map(int, row.split())
        bins[min(len(bins) - 1, ms // 1000)] += size
        frames += size >= 2000   # a frame: more than a cursor, a caret or a scrollbar's few pixels
    mbps = [b * 8 / 1e6 for b in bins]
    cpu = max(0.0, float(f["xvnc_cpu_ms"]) / seconds - baseline[w])
    per_frame = cpu * seconds / frames if frames else 0
    label = "Raw (an encoder's input)" if f["settings"] == "raw" else f"Tight {f['settings']}"
    print(f"| {w} | {label} | {f['rate']} | {statistics.median(mbps):.2f} | {pct(mbps, 95):.2f} | "
          f"{frames / seconds:.1f} ({int(f['updates']) / seconds:.0f} updates) | {per_frame:.1f} | {cpu:.0f} |")

for line in (out / "h264.txt").read_text().splitlines():
    f = fields(line)
    fps, frames, cpu = int(f["fps"]), int(f["frames"]), float(f["cpu_ms"])
    where = f"{f['workload']}" + (" (480×270 region)" if f["region"] == "region" else "")
    if f["config"] == "convert-only":
        print(f"| {where} | BGRX→YUV420 conversion only | {fps} | — | — | — | {cpu / frames:.1f} | {cpu / frames * fps:.0f} |")
        continue
    name = f"{f['workload']}-{fps}-{f['region']}-{f['config']}"
    sizes = [int(s) for s in (out / f"h264-{name}.sizes").read_text().split()]
    mbps = [sum(sizes[i:i + fps]) * 8 / 1e6 for i in range(0, len(sizes) - fps + 1, fps)]
    print(f"| {where} | x264 {f['config']} | {fps} | {statistics.median(mbps):.2f} | {pct(mbps, 95):.2f} | "
          f"{fps} | {cpu / frames:.1f} | {cpu / frames * fps:.0f} |")
