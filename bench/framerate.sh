#!/bin/sh
# What Xvnc's frame rate cap (-FrameRate, cloudroom.desktops.frame-rate) saves while the screen changes all the
# time: for each cap, one Xvnc of 1280x720 on a Unix socket of its own (as a desktop's, without the sandbox), one
# workload on it, and a viewer on the socket that asks as noVNC does (Tight, JPEG quality 6, compression 2, the next
# incremental request once an update is read). Prints bytes and updates a second over the window and Xvnc's CPU
# (percent of one core) over it. Workloads: page (Chromium scrolling a long page by 3 px a frame, smooth scrolling
# off), video (ffplay's test pattern, 640x360 at 60 fps). Needs tigervnc-standalone-server, chromium, ffmpeg, python3.
#   bench/framerate.sh [seconds] [caps...]      e.g. bench/framerate.sh 20 60 30 25 20 15
set -u
seconds=${1:-20}
[ $# -gt 0 ] && shift
caps=${*:-60 30 25 20 15}
work=$(mktemp -d /tmp/framerate.XXXXXX)
trap 'rm -rf "$work"' EXIT

cat > "$work/probe.py" <<'PROBE'
import select, socket, struct, sys, time
def rx(s, n):
    b = bytearray()
    while len(b) < n:
        c = s.recv(n - len(b))
        if not c: raise EOFError
        b += c
    return bytes(b)
def compact(s):
    n = 0
    for i in range(3):
        b = rx(s, 1)[0]
        n |= (b & (0xff if i == 2 else 0x7f)) << (7 * i)
        if not b & 0x80: break
    return n
def rect(s, w, h, e):
    if e == 0: rx(s, w * h * 4); return 12 + w * h * 4
    if e == 1: rx(s, 4); return 16
    if e == -223: return 12
    if e != 7: raise ValueError("encoding %d" % e)
    c = rx(s, 1)[0]; kind = c >> 4; got = 13
    if kind == 8: rx(s, 3); return got + 3
    if kind == 9: l = compact(s); rx(s, l); return got + l + 2
    size = w * h * 3
    if kind & 4:
        got += 1
        if rx(s, 1)[0] == 1:
            colours = rx(s, 1)[0] + 1; rx(s, colours * 3); got += 1 + colours * 3
            size = ((w + 7) // 8) * h if colours == 2 else w * h
    if size < 12: rx(s, size); return got + size
    l = compact(s); rx(s, l); return got + l + 2
s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1]); seconds = float(sys.argv[2])
rx(s, 12); s.sendall(b"RFB 003.008\n"); rx(s, rx(s, 1)[0]); s.sendall(b"\x01"); rx(s, 4); s.sendall(b"\x01")
w, h = struct.unpack(">HH", rx(s, 4)); rx(s, 16); rx(s, struct.unpack(">I", rx(s, 4))[0])
s.sendall(struct.pack(">BxxxBBBBHHHBBBxxx", 0, 32, 24, 0, 1, 255, 255, 255, 0, 8, 16))
encodings = [7, 1, 0, -26, -254, -224, -223]
s.sendall(struct.pack(">BxH", 2, len(encodings)) + b"".join(struct.pack(">i", e) for e in encodings))
s.sendall(struct.pack(">BBHHHH", 3, 0, 0, 0, w, h))
start = time.monotonic(); total = updates = 0
while time.monotonic() - start < seconds:
    if not select.select([s], [], [], max(0, start + seconds - time.monotonic()))[0]: break
    kind = rx(s, 1)[0]; total += 1
    if kind == 0:
        rx(s, 1); count = struct.unpack(">H", rx(s, 2))[0]; total += 3
        for _ in range(count):
            x, y, rw, rh, e = struct.unpack(">HHHHi", rx(s, 12))
            if e == -224: total += 12; break
            total += rect(s, rw, rh, e)
        updates += 1
        s.sendall(struct.pack(">BBHHHH", 3, 1, 0, 0, w, h))
    elif kind == 1: rx(s, 5); rx(s, struct.unpack(">H", rx(s, 2))[0] * 6)
    elif kind == 3: rx(s, 3); rx(s, struct.unpack(">I", rx(s, 4))[0])
elapsed = time.monotonic() - start
print("%8.2f %9.1f" % (total * 8 / elapsed / 1e6, updates / elapsed))
PROBE

cat > "$work/page.html" <<'PAGE'
<!doctype html><meta charset=utf-8><style>body{font:16px sans-serif;margin:40px;max-width:900px}h3{color:#2f7de1}</style>
<div id=text></div><script>
var words = "the quick brown fox jumps over the lazy dog 学生 老师 课本 数学 语文 科学 village school uplink".split(" "), html = "";
for (var i = 0; i < 400; i++) { html += "<h3>Section " + i + "</h3><p>"; for (var j = 0; j < 80; j++) html += words[(i * 7 + j * 13) % words.length] + " "; html += "</p>"; }
document.getElementById("text").innerHTML = html;
(function step() { scrollBy(0, 3); if (scrollY + innerHeight >= document.body.scrollHeight - 5) scrollTo(0, 0); requestAnimationFrame(step); })();
</script>
PAGE

cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
echo "workload  cap  Mbit/s  updates/s  xvnc-cpu%"
display=60
for workload in page video; do
  for cap in $caps; do
    display=$((display + 1)); run="$work/$workload$cap"; mkdir -p "$run"
    Xvnc ":$display" -rfbunixpath "$run/vnc.sock" -rfbport -1 -SecurityTypes None -nolisten tcp -geometry 1280x720 \
      -depth 24 -AlwaysShared -FrameRate "$cap" -extension GLX >"$run/xvnc.log" 2>&1 &
    xvnc=$!
    while [ ! -S "$run/vnc.sock" ]; do sleep 0.05; done
    case $workload in
      page) DISPLAY=":$display" chromium --no-sandbox --test-type --user-data-dir="$run/profile" --no-first-run \
              --window-position=0,0 --window-size=1280,720 --disable-smooth-scrolling --password-store=basic \
              "file://$work/page.html" >/dev/null 2>&1 &
            load=$!; sleep 8 ;;
      video) DISPLAY=":$display" SDL_AUDIODRIVER=dummy ffplay -loglevel quiet -an -f lavfi \
              -i testsrc2=size=640x360:rate=60 >/dev/null 2>&1 &
            load=$!; sleep 2 ;;
    esac
    before=$(cpu $xvnc)
    result=$(python3 "$work/probe.py" "$run/vnc.sock" "$seconds")
    after=$(cpu $xvnc)
    printf "%-8s %4s %s %9s\n" "$workload" "$cap" "$result" "$(( (after - before) / seconds ))"
    kill "$load" 2>/dev/null
    kill "$xvnc"
    wait "$xvnc" "$load" 2>/dev/null
  done
done
