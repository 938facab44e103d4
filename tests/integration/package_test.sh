#!/usr/bin/env bash
# Builds the .deb with CPack, checks its contents and metadata, unpacks it into a staging root
# and runs the packaged binary from there. Usage: package_test.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

(cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work" >/dev/null)
deb=$(ls "$work"/promsynth_*_*.deb) || fail "no package built"
contents=$(dpkg-deb -c "$deb")
for path in ./usr/bin/promsynth ./etc/promsynth/promsynth.yml ./etc/default/promsynth \
            ./usr/lib/systemd/system/promsynth.service ./usr/share/doc/promsynth/README.md \
            ./usr/lib/promsynth/libssl.so ./usr/lib/promsynth/libcrypto.so; do
  grep -q " $path\$" <<<"$contents" || fail "package lacks $path"
done
info=$(dpkg-deb -I "$deb")
grep -q '^ Package: promsynth$' <<<"$info" || fail "wrong package name"
grep -q '^ Depends: .*libcivetweb' <<<"$info" || fail "Depends does not list the shared libraries: $info"
grep -q '^ Depends: .*libssl3' <<<"$info" || fail "Depends does not list libssl3 (the TLS shims need it): $info"
conffiles=$(dpkg-deb -e "$deb" "$work/control" && cat "$work/control/conffiles")
grep -qx /etc/promsynth/promsynth.yml <<<"$conffiles" || fail "config is not a conffile"
grep -qx /etc/default/promsynth <<<"$conffiles" || fail "defaults file is not a conffile"

root=$work/root
dpkg-deb -x "$deb" "$root"
"$root/usr/bin/promsynth" --version | grep -q '^promsynth, version ' || fail "packaged binary does not run"
# The packaged binary loads the packaged shims (relative RPATH), not the build tree's or the system's.
loaded=$(LD_DEBUG=libs "$root/usr/bin/promsynth" --version 2>&1)
grep -q "calling init: $root/usr/bin/../lib/promsynth/libssl.so\$" <<<"$loaded" \
  || fail "packaged binary does not load its own OpenSSL shim"
"$root/usr/bin/promsynth" check-config "$root/etc/promsynth/promsynth.yml" >/dev/null || fail "packaged config invalid"
grep -q '^ARGS=' "$root/etc/default/promsynth" || fail "defaults file has no ARGS"

# The install rules alone (cmake --install with DESTDIR) give the same layout.
DESTDIR=$work/staged cmake --install "$build" --component Unspecified >/dev/null
[ -x "$work/staged/usr/bin/promsynth" ] || fail "cmake --install did not stage the binary"
[ -f "$work/staged/etc/promsynth/promsynth.yml" ] || fail "cmake --install did not stage the config"
echo "package ok: $(basename "$deb")"
