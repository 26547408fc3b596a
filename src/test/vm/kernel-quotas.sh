#!/usr/bin/env bash
# Runs the drive's kernel quota tests (HomeQuotaKernelTests) under Debian's own kernel, in QEMU, for hosts whose
# kernel has no project quotas (no CONFIG_QFMT_V2: ext4 with the quota feature will not mount). The guest's root is
# this machine's, shared over 9p, so the test runs the classes already built here: run `mvn test-compile` first.
# As root, on Debian or Ubuntu: installs qemu-system-x86, and downloads the kernel and busybox packages into
# target/vm. Software emulation (KVM in a nested guest hung at boot here): about ten minutes.
#   src/test/vm/kernel-quotas.sh [test pattern, default HomeQuotaKernelTests]
set -euo pipefail
cd "$(dirname "$0")/../../.."
project=$PWD
vm=$project/target/vm
tests=${1:-HomeQuotaKernelTests}
[ "$(id -u)" -eq 0 ] || { echo "run as root" >&2; exit 1; }
: "${JAVA_HOME:?set JAVA_HOME to the JDK 25 the project builds with}"
command -v qemu-system-x86_64 >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -q qemu-system-x86
mkdir -p "$vm" && cd "$vm"
if [ ! -d root/boot ]; then
  kernel=$(apt-cache depends linux-image-amd64 | sed -n 's/ *Depends: \(linux-image-[0-9].*\)/\1/p' | head -1)
  apt-get download "$kernel" busybox-static
  for deb in ./*.deb; do dpkg -x "$deb" root; done
  root/bin/busybox depmod -b "$vm/root" "$(ls root/lib/modules)"
fi
release=$(ls root/lib/modules)
modules=lib/modules/$release
rm -rf initramfs && mkdir -p initramfs/{bin,proc,sys,dev,host,newroot,"$modules"}
cp root/bin/busybox initramfs/bin/ && cp root/"$modules"/modules.* initramfs/"$modules"/
for m in virtio_pci 9pnet_virtio 9p ext4 quota_v2 loop crc32c_generic xfs; do
  for f in $(grep -E "/$m\.ko:" root/"$modules"/modules.dep | tr -d ':'); do
    mkdir -p "initramfs/$modules/$(dirname "$f")" && cp "root/$modules/$f" "initramfs/$modules/$f"
  done
done
# The guest's root: a tmpfs with this machine's folders bound into it (mounts on 9p folders themselves would not
# show), its own /proc, /sys, /dev and /tmp. The command's output goes to target/vm/output.log.
cat > initramfs/init <<INIT
#!/bin/busybox sh
/bin/busybox --install -s /bin
mount -t proc proc /proc; mount -t sysfs sys /sys; mount -t devtmpfs dev /dev
for m in virtio_pci 9pnet_virtio 9p ext4 quota_v2 loop crc32c_generic xfs; do modprobe \$m; done
mount -t 9p -o trans=virtio,version=9p2000.L,msize=512000,cache=loose hostroot /host
mount -t tmpfs root /newroot
for d in bin etc lib lib32 lib64 libx32 opt root sbin srv usr var work home; do
  if [ -L /host/\$d ]; then ln -s \$(readlink /host/\$d) /newroot/\$d
  elif [ -d /host/\$d ]; then mkdir /newroot/\$d; mount --bind /host/\$d /newroot/\$d; fi
done
mkdir -p /newroot$project && mount --bind /host$project /newroot$project
mkdir -p /newroot/proc /newroot/sys /newroot/dev /newroot/tmp
mount -t proc proc /newroot/proc; mount -t sysfs sys /newroot/sys; mount -t devtmpfs dev /newroot/dev
mount -t tmpfs tmp /newroot/tmp; mkdir -p /newroot/dev/shm; mount -t tmpfs shm /newroot/dev/shm
chroot /newroot /bin/sh -c "cd $project && JAVA_HOME=$JAVA_HOME HOME=$HOME JAVA_TOOL_OPTIONS=-XX:TieredStopAtLevel=1 mvn -B -o surefire:test -Dtest='$tests' -Dsurefire.failIfNoSpecifiedTests=false" > /host$vm/output.log 2>&1
echo "exit \$?" >> /host$vm/output.log
sync; poweroff -f
INIT
chmod +x initramfs/init
(cd initramfs && find . | ../root/bin/busybox cpio -o -H newc 2>/dev/null | gzip -1 > ../initramfs.gz)
rm -f output.log
# Under emulation the JVM's optimised code crashed now and then (with -cpu max, and once with Nehalem): Nehalem
# has what Java needs, and the JVMs in the guest stop at the first compiler.
timeout 2400 qemu-system-x86_64 -accel tcg -cpu Nehalem -smp 2 -m 6G -nographic -no-reboot \
  -kernel root/boot/vmlinuz-"$release" -initrd initramfs.gz -append "console=ttyS0 quiet panic=-1" \
  -virtfs local,path=/,mount_tag=hostroot,security_model=passthrough,id=hostroot -nic none > console.log 2>&1
grep -E "Tests run:|FAIL|expected|but was" output.log || true
tail -1 output.log | grep -q 'exit 0$'
