#!/usr/bin/env bash
# PROMSYNTH_CONFIG_CMD for ../shared/peers/run-peers.sh: a config of N series in the peers' shape,
# with the uniform/gaussian/counter mix that the macro benchmark uses. Usage: bench/peers-config.sh N
exec "$(dirname "$0")/make-config.sh" "${1:?usage: peers-config.sh N}" mix
