# SPDX-License-Identifier: GPL-2.0
# The "before review" example through every refactor, in the order a
# developer would apply them: each step compiles, and the end result is
# examples/before-review/seamcall.c.refactored exactly.  The testsuite then
# runs every engine over the result (fixture tdx-refactored-example) and
# expects nothing.
# ctest: cmake -DSPATCH=... -DSRC=<cocci dir> -DEXAMPLE=<examples/before-review>
#              -DINCLUDE=<testsuite/include> -DWORK=<dir> -DCC=<gcc> -P ...
foreach(v SPATCH SRC EXAMPLE INCLUDE WORK CC)
	if(NOT DEFINED ${v})
		message(FATAL_ERROR "refactor-example.cmake: ${v} not set")
	endif()
endforeach()

# unused-out-param before split-inout-args: the helper must have lost
# seamcall_ret before its signature has the shape the conversion takes.
# split-inout-args before get-cpu-for-print and switch-status-chain, which
# then work on the converted body; braces last, on what the chain left.
include(${CMAKE_CURRENT_LIST_DIR}/spatch.cmake)

set(sequence unused-attr-on-used unused-out-param split-inout-args get-cpu-for-print
    switch-status-chain unbraced-multiline-body)

file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
file(COPY ${EXAMPLE}/seamcall.c ${EXAMPLE}/tdx.h DESTINATION ${WORK})
set(file ${WORK}/seamcall.c)

# The expect annotations belong to the testsuite, not to the code.
file(READ ${file} text)
string(REGEX REPLACE " */\\* expect: [^*]*\\*/" "" text "${text}")
file(WRITE ${file} "${text}")

foreach(rule ${sequence})
	tdx_spatch_patch(${SRC}/${rule}.cocci ${file} ${rule})
	tdx_compiles(${file} ${INCLUDE} "after ${rule}: the example")
	message(STATUS "${rule}: applied, compiles")
endforeach()

execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${file}
			${EXAMPLE}/seamcall.c.refactored
		RESULT_VARIABLE same)
if(NOT same EQUAL 0)
	execute_process(COMMAND diff -u ${EXAMPLE}/seamcall.c.refactored ${file})
	message(FATAL_ERROR "the refactored example differs from seamcall.c.refactored")
endif()
