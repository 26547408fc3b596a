#!/usr/bin/env bash
# H.264 for busy regions against what Xvnc sends today (issue #17). On the host, not through Cloudroom: one Xvnc
# (1366x768, Unix socket) with Chromium or mousepad in it, three workloads driven by xdotool (scroll a long page,
# a 480x270 animation, typing past the window's width), each measured as
#   - what Xvnc sends with Tight+JPEG q6/c2 (noVNC's default), q2/c9 and lossless Tight, to an RFB client asking
#     as fast as it can and at 15 fps (bench/H264XvncMeter.java; Xvnc's CPU from /proc, less the same workload's
#     CPU with no client); and Raw at 15 fps, what a gateway feeding an encoder would ask Xvnc for;
#   - the same workload captured as raw frames (x11grab) at 15 and 25 fps, encoded by Debian's ffmpeg/libx264 with
#     the settings below (CPU = user+sys of that ffmpeg, including the BGRX to YUV 4:2:0 conversion);
# then prints the table (bench/h264_table.py), keeps a 400x200 crop of the middle frame of each as PNG, and checks
# that Chromium headless decodes the stream with WebCodecs (bench/h264_webcodecs.html).
#   bench/h264.sh [all|record|encode|table|webcodecs]   H264_OUT (default /tmp/h264-bench), H264_SECONDS (20),
#   H264_WORKLOADS ("scroll text anim typing": a page with pictures, the same text only, a clip, mousepad)
# Everything runs at nice 10; it needs tigervnc-standalone-server, chromium, mousepad, xdotool, ffmpeg.
set -euo pipefail
cd "$(dirname "$0")/.."
bench=$PWD/bench
what=${1:-all}
out=${H264_OUT:-/tmp/h264-bench}
secs=${H264_SECONDS:-20}
display=${H264_DISPLAY:-47}
workloads=${H264_WORKLOADS:-scroll text anim typing}
export DISPLAY=:$display
export JAVA_HOME=${JAVA_HOME:-$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1)}
mkdir -p "$out"/png
n10() { nice -n 10 "$@"; }

# The workloads: where a line of text is for the crops, how to bring the screen back to its start, what to do
# (the acts run in a bash -c of their own, exec'd so that a timeout ends them).
crop_scroll="100 300"; crop_text="100 300"; crop_anim="40 40"; crop_typing="966 40"
reset_scroll() { xdotool mousemove 683 420 key Home; sleep 2; }
act_scroll() { exec xdotool mousemove 683 420 click --repeat $((secs * 10 + 50)) --delay 100 5; }
reset_text() { reset_scroll; }
act_text() { act_scroll; }
reset_anim() { xdotool mousemove 1300 700; sleep 1; }
act_anim() { exec sleep $((secs + 5)); }
line() { python3 -c "import random; r=random.Random($1); print(' '.join(r.choice('the school village student teacher window lesson river garden answer'.split()) for _ in range($2)))"; }
reset_typing() {
  xdotool mousemove 683 400 key ctrl+a BackSpace
  xdotool type --delay 5 "$(line 1 30)"   # about 190 characters: the line reaches the window's right edge
  sleep 2
}
act_typing() { exec xdotool type --delay 200 "$(line 2 60)"; }

pages() {
  [ -f "$out/text.html" ] && return
  for i in 0 1 2; do
    n10 ffmpeg -nostdin -v error -y -f lavfi -i "mandelbrot=size=600x338:start_scale=$((i + 1))" -frames:v 1 -q:v 3 "$out/picture$i.jpg"
  done
  n10 ffmpeg -nostdin -v error -y -f lavfi -i "mandelbrot=s=480x270:rate=26:maxiter=1024:end_pts=10" -t 10 -c:v libvpx -b:v 1M \
    -deadline realtime -cpu-used 8 "$out/anim.webm"
  python3 "$bench/h264_pages.py" "$out"
}

app=
start_app() {
  case $1 in
    scroll|text|anim)
      rm -rf "$out/chrome"
      nice -n 10 chromium --no-sandbox --test-type --disable-smooth-scrolling --no-first-run --no-default-browser-check \
        --password-store=basic --disable-gpu --user-data-dir="$out/chrome" --window-position=0,0 --window-size=1366,768 \
        --app="file://$out/$1.html" >"$out/chromium.log" 2>&1 &
      app=$! ;;
    typing)
      rm -rf "$out/config"; mkdir -p "$out/config"
      XDG_CONFIG_HOME=$out/config nice -n 10 mousepad >"$out/mousepad.log" 2>&1 &
      app=$!
      local w; w=$(xdotool search --sync --onlyvisible --class mousepad | head -1)
      xdotool windowmove "$w" 0 0 windowsize "$w" 1366 768 ;;
  esac
  sleep 8
}
stop_app() { kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; sleep 1; }

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

record() {
  pages
  rm -f "$out/x.sock"
  nice -n 10 Xvnc ":$display" -geometry 1366x768 -depth 24 -SecurityTypes None -rfbport -1 -rfbunixpath "$out/x.sock" \
    >"$out/xvnc.log" 2>&1 &
  xvnc=$!
  trap 'kill $xvnc ${app:-} 2>/dev/null || true' EXIT
  for _ in $(seq 1 50); do [ -S "$out/x.sock" ] && break; sleep 0.2; done
  touch "$out/tight.txt"
  for w in $workloads; do
    sed -i "/^workload=$w /d" "$out/tight.txt"
    start_app $w
    local crop="crop_$w"
    # Xvnc's CPU for drawing the workload with nobody watching: taken off what the encodings cost.
    "reset_$w"; local t0; t0=$(ticks $xvnc)
    timeout "$secs" bash -c "$(declare -f act_$w act_scroll line); secs=$secs; act_$w" || true
    echo "workload=$w settings=none rate=none seconds=$secs xvnc_cpu_ms=$(( ($(ticks $xvnc) - t0) * 10 ))" >>"$out/tight.txt"
    for fps in 15 25; do
      "reset_$w"
      nice -n 10 ffmpeg -nostdin -v error -y -f x11grab -draw_mouse 0 -framerate $fps -video_size 1366x768 -i ":$display" -t "$secs" \
        -fps_mode cfr -r $fps -c:v rawvideo -f rawvideo "$out/$w-$fps.bgrx" &
      local grab=$!
      timeout "$secs" bash -c "$(declare -f act_$w act_scroll line); secs=$secs; act_$w" || true
      wait $grab
    done
    for settings in q6c2 q2c9 lossless raw; do
      for rate in fast 15; do
        [ $settings = raw ] && [ $rate = fast ] && continue
        "reset_$w"
        echo -n "workload=$w " >>"$out/tight.txt"
        n10 "$JAVA_HOME/bin/java" "$bench/H264XvncMeter.java" "$out/x.sock" $xvnc $settings $rate "$secs" \
          "$out/tight-$w-$settings-$rate" ${!crop} -- bash -c "$(declare -f act_$w act_scroll line); secs=$secs; act_$w" >>"$out/tight.txt"
        mv "$out/tight-$w-$settings-$rate.png" "$out/png/$w-tight-$settings-$rate.png"
      done
    done
    stop_app
  done
  kill $xvnc; wait $xvnc 2>/dev/null || true
}

# label preset profile rate-control
configs15="uf-base-crf23 ultrafast baseline -crf:23
uf-base-crf28 ultrafast baseline -crf:28
uf-base-crf33 ultrafast baseline -crf:33
sf-main-crf23 superfast main -crf:23
sf-main-crf28 superfast main -crf:28
sf-main-crf33 superfast main -crf:33
sf-base-crf28 superfast baseline -crf:28
vf-main-crf28 veryfast main -crf:28
uf-base-1M ultrafast baseline vbv
sf-main-1M superfast main vbv"
configs25="uf-base-crf28 ultrafast baseline -crf:28
sf-main-crf28 superfast main -crf:28
sf-main-1M superfast main vbv"

encode_one() {   # workload fps region label preset profile rc
  local w=$1 fps=$2 region=$3 label=$4 preset=$5 profile=$6 rc=$7
  local size=1366x768 name="$w-$fps-$region-$label"
  local rcargs=(${rc/:/ })
  [ "$rc" = vbv ] && rcargs=(-b:v 1M -maxrate 1M -bufsize 500k)
  local vf=(); [ "$region" = region ] && vf=(-vf crop=480:270:40:40)
  local frames=$(( $(stat -c %s "$out/$w-$fps.bgrx") / (1366 * 768 * 4) ))
  /usr/bin/time -f "%U %S" -o "$out/time.txt" nice -n 10 ffmpeg -nostdin -v error -y -f rawvideo -pix_fmt bgr0 -s $size -r $fps \
    -i "$out/$w-$fps.bgrx" "${vf[@]}" -pix_fmt yuv420p -c:v libx264 -preset $preset -tune zerolatency -profile:v $profile \
    "${rcargs[@]}" -x264-params keyint=infinite:scenecut=0 -threads 1 -f h264 "$out/h264-$name.h264"
  local cpu; cpu=$(awk '{print ($1 + $2) * 1000}' "$out/time.txt")
  ffprobe -v error -show_entries packet=size -of csv=p=0 "$out/h264-$name.h264" >"$out/h264-$name.sizes"
  echo "workload=$w region=$region fps=$fps config=$label frames=$frames cpu_ms=$cpu" >>"$out/h264.txt"
  local mid=$((frames / 2)) c; [ "$region" = region ] && c="0:0" || { c="crop_$w"; c=${!c}; c=${c/ /:}; }
  n10 ffmpeg -nostdin -v error -y -i "$out/h264-$name.h264" -vf "select=eq(n\,$mid),crop=400:200:$c" -frames:v 1 \
    "$out/png/$w-h264-$fps-$region-$label.png"
}

encode() {
  touch "$out/h264.txt"
  for w in $workloads; do
    sed -i "/^workload=$w /d" "$out/h264.txt"
    for fps in 15 25; do
      local c="crop_$w"; c=${!c}; c=${c/ /:}
      local frames=$(( $(stat -c %s "$out/$w-$fps.bgrx") / (1366 * 768 * 4) ))
      n10 ffmpeg -nostdin -v error -y -f rawvideo -pix_fmt bgr0 -s 1366x768 -i "$out/$w-$fps.bgrx" \
        -vf "select=eq(n\,$((frames / 2))),crop=400:200:$c" -frames:v 1 "$out/png/$w-raw-$fps.png"
      # What the conversion alone costs (the gateway would have to do it too).
      /usr/bin/time -f "%U %S" -o "$out/time.txt" nice -n 10 ffmpeg -nostdin -v error -y -f rawvideo -pix_fmt bgr0 -s 1366x768 \
        -i "$out/$w-$fps.bgrx" -pix_fmt yuv420p -f null -
      echo "workload=$w region=full fps=$fps config=convert-only frames=$frames cpu_ms=$(awk '{print ($1 + $2) * 1000}' "$out/time.txt")" >>"$out/h264.txt"
      local configs=$configs15; [ $fps = 25 ] && configs=$configs25
      while read -r label preset profile rc; do
        encode_one $w $fps full $label $preset $profile $rc
        if [ $w = anim ]; then encode_one $w $fps region $label $preset $profile $rc; fi
      done <<<"$configs"
    done
  done
}

webcodecs() {
  # One real 1366x768 stream (constrained baseline and main, x264 as above): does headless Chromium decode it?
  local w=${workloads%% *}
  for p in baseline main; do
    nice -n 10 ffmpeg -nostdin -v error -y -f rawvideo -pix_fmt bgr0 -s 1366x768 -r 15 -i "$out/$w-15.bgrx" -frames:v 30 \
      -pix_fmt yuv420p -c:v libx264 -preset superfast -tune zerolatency -profile:v $p -crf 28 \
      -x264-params keyint=infinite:scenecut=0 -threads 1 -f h264 "$out/webcodecs-$p.h264"
  done
  cp "$bench/h264_webcodecs.html" "$out/"
  (cd "$out" && exec nice -n 10 python3 -m http.server 18917 --bind 127.0.0.1 >/dev/null 2>&1) &
  local server=$!
  sleep 2
  # The page logs each result to the console; Chromium headless prints it, and the page says "done" at its end.
  nice -n 10 chromium --headless --no-sandbox --disable-gpu --user-data-dir="$out/chrome-headless" --enable-logging=stderr \
    "http://127.0.0.1:18917/h264_webcodecs.html" >"$out/webcodecs.log" 2>&1 &
  local browser=$!
  for _ in $(seq 1 120); do grep -q 'webcodecs: done' "$out/webcodecs.log" && break; sleep 1; done
  kill $browser; wait $browser 2>/dev/null || true
  grep -o 'webcodecs: [^"]*' "$out/webcodecs.log" | tee "$out/webcodecs.txt"
  kill $server
}

case $what in
  record) record ;;
  encode) encode ;;
  table) python3 "$bench/h264_table.py" "$out" ;;
  webcodecs) webcodecs ;;
  all) record; encode; python3 "$bench/h264_table.py" "$out"; webcodecs ;;
esac
