# SPDX-License-Identifier: GPL-2.0
# One patch-mode refactor test: ctest runs
#   cmake -DSPATCH=... -DRULE=<rule.cocci> -DCASE=<bad-*.c> -DINCLUDE=<dir> -DWORK=<dir>
#         -DCC=<gcc> -P patch-case.cmake
# The rule in patch mode turns a copy of CASE into CASE.fixed exactly, a second
# run changes nothing, the result compiles, and the rule no longer reports it.
foreach(v SPATCH RULE CASE INCLUDE WORK CC)
	if(NOT DEFINED ${v})
		message(FATAL_ERROR "patch-case.cmake: ${v} not set")
	endif()
endforeach()

get_filename_component(name ${CASE} NAME)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
set(copy ${WORK}/${name})
file(COPY_FILE ${CASE} ${copy})
include(${CMAKE_CURRENT_LIST_DIR}/spatch.cmake)

tdx_spatch_patch(${RULE} ${copy} "first run")
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${copy} ${CASE}.fixed
		RESULT_VARIABLE same)
if(NOT same EQUAL 0)
	execute_process(COMMAND diff -u ${CASE}.fixed ${copy})
	message(FATAL_ERROR "${name}: patch result differs from ${CASE}.fixed")
endif()

file(READ ${copy} once)
tdx_spatch_patch(${RULE} ${copy} "second run")
file(READ ${copy} twice)
if(NOT once STREQUAL twice)
	execute_process(COMMAND diff -u ${CASE}.fixed ${copy})
	message(FATAL_ERROR "${name}: a second patch run changed the file (not idempotent)")
endif()

tdx_compiles(${copy} ${INCLUDE} "${name}: the patched file")

execute_process(COMMAND ${TDX_SPATCH} --sp-file ${RULE} -D report --no-show-diff ${copy}
		RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR out MATCHES "\\[tdx-")
	message(FATAL_ERROR "${name}: the rule still reports the patched file (${rc}):\n${out}${err}")
endif()
message(STATUS "${name}: fixed, idempotent, compiles, clean")
