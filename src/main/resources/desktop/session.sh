#!/bin/sh
# A Cloudroom desktop session, run inside its sandbox: Xvnc on a Unix socket only (no TCP, no abstract socket),
# the fcitx5 input method with pinyin, IceWM, and PCManFM for the desktop icons. When Xvnc ends, the session ends.
# The screen comes first: the rest of the session starts when the server sends SIGUSR1 (once no other desktop
# waits for its first frame), or after 10 s without.
set -u
released=
pause=
trap 'released=1; [ -n "$pause" ] && kill -9 $pause 2>/dev/null' USR1
trap '[ -n "$pause" ] && kill -9 $pause 2>/dev/null; exit 143' TERM
export XDG_RUNTIME_DIR=/tmp/runtime   # made by the sandbox, as /tmp/.X11-unix
# GIO's virtual file systems stay off: the host's disks, phones, cameras and online accounts are not the desktop's to
# show, and gvfs would start nine daemons in every desktop (about a fifth of a class's start-up CPU).
export GIO_USE_VFS=local GVFS_REMOTE_VOLUME_MONITOR_IGNORE=1 GVFS_DISABLE_FUSE=1

# Without OpenGL (cloudroom.desktops.opengl, off by default) Xvnc does not load Mesa, half its start-up CPU; Qt
# Quick programs (GCompris) then draw in software themselves.
glx=
if [ "${CLOUDROOM_OPENGL:-0}" = 0 ]; then glx="-extension GLX"; export QT_QUICK_BACKEND=software; fi

# When Xvnc ends, so does this script, even while it waits to start the rest.
# Xvnc sends the screen's changes at the server's frame rate (cloudroom.desktops.frame-rate), not its own 60: each
# frame of a screen that changes all the time goes over the school's uplink.
(Xvnc :1 -rfbunixpath /run/cloudroom/vnc/vnc.sock -rfbunixmode 0600 -rfbport -1 -SecurityTypes None \
  -nolisten tcp -nolisten local -geometry "$CLOUDROOM_GEOMETRY" -depth 24 -AlwaysShared \
  -desktop "$CLOUDROOM_NAME" -SendPrimary=0 -SetPrimary=0 -FrameRate "${CLOUDROOM_FRAME_RATE:-60}" $glx; kill $$) &
xvnc=$!

export DISPLAY=:1
export XMODIFIERS=@im=fcitx GTK_IM_MODULE=fcitx QT_IM_MODULE=fcitx SDL_IM_MODULE=fcitx
export ICEWM_PRIVCFG=/run/cloudroom/icewm
# Programs draw without animations (desktop/xdg/gtk-3.0/settings.ini says why): the session's settings come after the
# system's, and a person's own (~/.config/gtk-3.0, ~/.gtkrc-2.0) after them; the fcitx5 settings are there too.
export XDG_CONFIG_DIRS=/run/cloudroom-session/xdg:/etc/xdg
export GTK2_RC_FILES="/etc/gtk-2.0/gtkrc:/run/cloudroom-session/gtk-2.0/gtkrc:$HOME/.gtkrc-2.0"

sleep 10 & pause=$!
[ -n "$released" ] && kill -9 $pause 2>/dev/null
wait $pause
trap : USR1
# Nothing of the person's runs before the server has taken Xvnc's socket folder from the desktop (it was the desktop's
# only so that Xvnc could make its socket there): what the server connects to is then beyond the person's reach.
while [ -w /run/cloudroom/vnc ]; do sleep 0.05; done
# Released, Xvnc is up (the server saw its first frame); without, it may still be starting.
i=0
while [ ! -S /tmp/.X11-unix/X1 ] && [ $i -lt 500 ]; do sleep 0.01; i=$((i + 1)); done

# A first desktop gets pinyin next to the keyboard; the person's own choices stay theirs afterwards.
profile="$HOME/.config/fcitx5/profile"
if [ ! -f "$profile" ]; then
  mkdir -p "${profile%/*}"
  cat > "$profile" <<'PROFILE'
[Groups/0]
Name=Default
Default Layout=us
DefaultIM=pinyin

[Groups/0/Items/0]
Name=keyboard-us
Layout=

[Groups/0/Items/1]
Name=pinyin
Layout=

[GroupOrder]
0=Default
PROFILE
fi

# A first LibreOffice starts without tips, in the person's language (desktop/libreoffice); afterwards its settings
# are the person's.
office="$HOME/.config/libreoffice/4/user/registrymodifications.xcu"
if [ ! -e "$office" ]; then
  mkdir -p "${office%/*}"
  case "$LANG" in
    zh_*) cp /run/cloudroom-session/libreoffice/registrymodifications.zh.xcu "$office" ;;
    *) cp /run/cloudroom-session/libreoffice/registrymodifications.xcu "$office" ;;
  esac
fi

# The screens come before the programs: the session and what it starts run at a lower priority than every desktop's
# Xvnc (and the server), so a class's screens keep coming while the first taskbars appear, and a busy program
# leaves the screens that show it responsive.
nice -n 10 dbus-run-session -- icewm-session &
while kill -0 $xvnc 2>/dev/null; do wait $xvnc; done
