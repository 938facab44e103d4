# Install layout (GNUInstallDirs) and the Debian package (CPack). With the default prefix /usr,
# configuration goes to /etc: `apt install ./promsynth_*.deb` gives the layout of DESIGN.md.
include(GNUInstallDirs)

install(TARGETS promsynth RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# The OpenSSL shims civetweb needs for TLS (daemon/src/http/openssl_shim) go to a private
# directory, where only promsynth looks: its RPATH is relative, so a staged or unpacked tree works too.
install(TARGETS promsynth_ssl_shim promsynth_crypto_shim LIBRARY DESTINATION lib/promsynth)
set_target_properties(promsynth PROPERTIES INSTALL_RPATH "\$ORIGIN/../lib/promsynth")
install(FILES ${PROJECT_SOURCE_DIR}/etc/promsynth.yml DESTINATION ${CMAKE_INSTALL_FULL_SYSCONFDIR}/promsynth)
install(FILES ${PROJECT_SOURCE_DIR}/systemd/promsynth.default
        DESTINATION ${CMAKE_INSTALL_FULL_SYSCONFDIR}/default RENAME promsynth)
install(FILES ${PROJECT_SOURCE_DIR}/systemd/promsynth.service DESTINATION ${CMAKE_INSTALL_PREFIX}/lib/systemd/system)
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})

# Files under /etc are the administrator's: dpkg keeps their edits across upgrades.
file(WRITE ${PROJECT_BINARY_DIR}/debian/conffiles
     "${CMAKE_INSTALL_FULL_SYSCONFDIR}/promsynth/promsynth.yml\n${CMAKE_INSTALL_FULL_SYSCONFDIR}/default/promsynth\n")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME promsynth)
set(CPACK_PACKAGE_VENDOR "promsynth developers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Prometheus exporter of synthetic, deterministic metrics")
set(CPACK_PACKAGE_DESCRIPTION
    "promsynth exports realistic, deterministic synthetic series with scripted incidents, for testing "
    "alerting rules, Alertmanager routes, Grafana dashboards, SLO checks and Prometheus itself.")
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "promsynth developers <promsynth@localhost>")
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${PROJECT_BINARY_DIR}/debian/conffiles)
include(CPack)
