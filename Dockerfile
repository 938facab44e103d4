# promsynth container image: built on Debian bookworm, run as non-root with the package's layout
# (/usr/bin/promsynth, /etc/promsynth/promsynth.yml), the same files `cmake --install` stages.
FROM debian:bookworm AS build
WORKDIR /src
COPY . .
RUN scripts/install-deps.sh \
 && cmake --preset release -DPROMSYNTH_BUILD_TESTS=OFF -DPROMSYNTH_BUILD_BENCH=OFF \
 && cmake --build --preset release \
 && DESTDIR=/stage cmake --install build-release

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends libprometheus-cpp-core1.0 libcivetweb1 libyaml-cpp0.7 \
      libboost-program-options1.74.0 libsystemd0 zlib1g libssl3 libcrypt1 libcurl4 libsnappy1v5 \
      libtomlplusplus3 libcairo2 \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /stage/usr/bin/promsynth /usr/bin/promsynth
# The OpenSSL shims civetweb's TLS needs (see daemon/src/http/openssl_shim).
COPY --from=build /stage/usr/lib/promsynth/libssl.so /stage/usr/lib/promsynth/libcrypto.so /usr/lib/promsynth/
COPY --from=build /stage/etc/promsynth/ /etc/promsynth/
COPY --from=build /stage/usr/share/doc/promsynth/ /usr/share/doc/promsynth/
# nobody:nogroup, as the Helm chart's securityContext expects; the root filesystem can be read-only.
USER 65534:65534
EXPOSE 9877
ENTRYPOINT ["/usr/bin/promsynth"]
CMD ["--config.file=/etc/promsynth/promsynth.yml", "--web.listen-address=:9877"]
