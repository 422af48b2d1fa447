# SPDX-License-Identifier: GPL-2.0
# `cpack -G DEB` in the build directory: a Debian package of everything
# `cmake --install` installs, under /usr.  The commands find each other and
# the plugin relative to their own bin/, so the same tree works from any
# prefix.
#
# Depends: the shared libraries dpkg-shlibdeps finds, plus what is run rather
# than linked: gcc-12 of the same upstream release as the one the plugin was
# built against (GCC refuses a plugin built for another version), gcc (the
# `gcc` the checker runs), git (the gate).  Recommends: coccinelle (the .cocci
# rules and tdxcheck-cocci), sparse (`tdxcheck --sparse`).  Suggests:
# clang-tidy-14, which loads the tdx-* checks module.
set(CPACK_PACKAGE_NAME tdxcheck)
set(CPACK_PACKAGE_VENDOR "tdxcheck developers")
set(CPACK_PACKAGE_CONTACT "tdxcheck developers <tdxcheck@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
	"static checks for Linux kernel code that calls Intel TDX firmware")
set(CPACK_PACKAGE_DESCRIPTION
"tdxcheck finds, in kernel C code that issues SEAMCALL, TDCALL or TDVMCALL,
the problems the 2023 review of the host SEAMCALL helper raised. It runs as a
GCC plugin in kernel builds, as kbuild's checker (make C=2 CHECK=tdxcheck),
as Coccinelle rules and as a checkpatch-style gate on patches.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)

string(REGEX MATCH "^[0-9]+\\.[0-9]+" gcc_release "${CMAKE_C_COMPILER_VERSION}")
string(REGEX MATCH "^[0-9]+" gcc_major "${CMAKE_C_COMPILER_VERSION}")
string(REGEX MATCH "[0-9]+$" gcc_minor "${gcc_release}")
math(EXPR gcc_next_minor "${gcc_minor} + 1")
set(CPACK_DEBIAN_PACKAGE_DEPENDS
	"gcc-${gcc_major} (>= ${gcc_release}), gcc-${gcc_major} (<< ${gcc_major}.${gcc_next_minor}), gcc, git")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "coccinelle, sparse")
# tdxcheck_tidy.so is loaded by clang-tidy-14, which brings its clang symbols
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "clang-tidy-14")

include(CPack)
