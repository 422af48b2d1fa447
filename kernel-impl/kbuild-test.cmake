# SPDX-License-Identifier: GPL-2.0
#
# One kbuild run of the module, as a ctest test:
#   cmake -DSRC=<kernel-impl> -DDIR=<scratch dir> -DMAKE_ARGS=<a|b|c> -P <this script>
# Copies the module's sources to DIR, so kbuild's outputs never land in the
# source tree, runs `make -C DIR MAKE_ARGS`, and fails when make fails or
# when anything it printed is a diagnostic: sparse exits 0 on warnings, and
# a plugin finding is a warning, so the exit status alone would not do.

foreach(var SRC DIR MAKE_ARGS)
	if(NOT DEFINED ${var})
		message(FATAL_ERROR "kbuild-test: ${var} not set")
	endif()
endforeach()
# One make argument each; a ";" inside one would reach the shell in the
# Makefile's recipe and split the command, so refuse it.
if(MAKE_ARGS MATCHES ";")
	message(FATAL_ERROR "kbuild-test: MAKE_ARGS '${MAKE_ARGS}' holds a ';'")
endif()
string(REPLACE "|" ";" MAKE_ARGS "${MAKE_ARGS}")

file(REMOVE_RECURSE "${DIR}")
file(MAKE_DIRECTORY "${DIR}")
foreach(f Kbuild Makefile module.c seamcall.S seamcall.h tdx_seamcall.c)
	file(COPY "${SRC}/${f}" DESTINATION "${DIR}")
endforeach()

execute_process(COMMAND make -C "${DIR}" ${MAKE_ARGS}
		OUTPUT_VARIABLE out ERROR_VARIABLE out RESULT_VARIABLE rc)
message("${out}")
if(NOT rc EQUAL 0)
	message(FATAL_ERROR "make -C ${DIR} ${MAKE_ARGS}: exit ${rc}")
endif()
if(out MATCHES "([Ww]arning|[Ee]rror|WARNING|ERROR)[: ]")
	message(FATAL_ERROR "make -C ${DIR} ${MAKE_ARGS}: diagnostics in the output")
endif()
if(NOT out MATCHES "LD \\[M\\] +[^\n]*tdx_ref\\.o")
	message(FATAL_ERROR "make -C ${DIR} ${MAKE_ARGS}: tdx_ref.o was not linked")
endif()
