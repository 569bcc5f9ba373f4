#!/usr/bin/env bash
# Builds the sandbox image with no image registry: a root filesystem made of the host's JDK, a
# static busybox for /bin/sh and the few tools exercises call (sleep, setsid, true, kill), the
# libraries they need, and an unprivileged user 10001; then `docker import`.
#
# usage: grader/sandbox-image/build-offline.sh [IMAGE]   (default: $FORKLAB_SANDBOX_IMAGE or forklab-sandbox:latest)
# needs: docker, a JDK >= 24 (JAVA_HOME or /usr/lib/jvm; the check JVM denies native access to
# student code with --illegal-native-access, new in 24), busybox-static (apt-get install busybox-static)
set -euo pipefail

image="${1:-${FORKLAB_SANDBOX_IMAGE:-forklab-sandbox:latest}}"
jdk="${FORKLAB_SANDBOX_JDK:-${JAVA_HOME:-}}"
if [ -z "$jdk" ] || ! "$jdk/bin/java" -version 2>&1 | grep -qE 'version "(2[4-9]|[3-9][0-9])'; then
  jdk="$(ls -d /usr/lib/jvm/temurin-2[5-9]* /usr/lib/jvm/*-2[4-9]* 2>/dev/null | head -n 1 || true)"
fi
[ -x "$jdk/bin/java" ] || { echo "build-offline: no JDK >= 24 found; set FORKLAB_SANDBOX_JDK" >&2; exit 1; }
busybox="$(command -v busybox || true)"
if [ -z "$busybox" ] || ! file "$busybox" 2>/dev/null | grep -q 'statically linked'; then
  busybox=/bin/busybox
fi
[ -x "$busybox" ] || { echo "build-offline: needs a static busybox: apt-get install busybox-static" >&2; exit 1; }

root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
mkdir -p "$root"/{bin,usr/bin,etc,tmp,sandbox,opt,proc,dev,sys,lib64}
chmod 1777 "$root/tmp"
mkdir -p "$root/opt/forklab"
cp -a "$jdk" "$root/opt/forklab/jdk"
rm -rf "$root/opt/forklab/jdk/lib/src.zip" "$root/opt/forklab/jdk/jmods" "$root/opt/forklab/jdk/man" "$root/opt/forklab/jdk/demo"

cp "$busybox" "$root/bin/busybox"
for tool in sh sleep setsid true false kill cat ls echo env ps rm mkdir id timeout yes head; do
  ln -s /bin/busybox "$root/bin/$tool"
  ln -s /bin/busybox "$root/usr/bin/$tool"
done

# Every shared library the JDK's programs and libraries link against, at the same path.
find "$root/opt/forklab/jdk" -type f \( -perm -u+x -o -name '*.so' \) -print0 \
  | xargs -0 ldd 2>/dev/null \
  | awk '/=> \// { print $3 } /^\t\/lib/ { print $1 }' \
  | sort -u \
  | while read -r lib; do
      mkdir -p "$root$(dirname "$lib")"
      cp -L "$lib" "$root$lib"
    done
# The dynamic loader itself.
for loader in /lib64/ld-linux-x86-64.so.2 /lib/ld-linux-aarch64.so.1; do
  if [ -e "$loader" ]; then mkdir -p "$root$(dirname "$loader")"; cp -L "$loader" "$root$loader"; fi
done

cat > "$root/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/bin/sh
sandbox:x:10001:10001:sandbox:/sandbox:/bin/false
PASSWD
cat > "$root/etc/group" <<'GROUP'
root:x:0:
sandbox:x:10001:
GROUP
echo "127.0.0.1 localhost" > "$root/etc/hosts"
chown 10001:10001 "$root/sandbox"

tar --numeric-owner -C "$root" -c . | docker import \
  -c 'ENV PATH=/opt/forklab/jdk/bin:/usr/bin:/bin' \
  -c 'ENV JAVA_HOME=/opt/forklab/jdk' \
  -c 'ENV LANG=C.UTF-8' \
  -c 'LABEL dev.forklab.sandbox=1' \
  -c 'USER 10001:10001' \
  -c 'WORKDIR /sandbox' \
  - "$image" >/dev/null
echo "built $image from $jdk ($(docker image inspect "$image" --format '{{.Size}}' | awk '{ printf "%d MB", $1 / 1e6 }'))"
